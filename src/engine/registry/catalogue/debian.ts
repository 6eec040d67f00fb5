/** debian:trixie(-slim) and the buildpack-deps layers that node and python share. */
import { debianLike } from './bases.js';
import type { HistoryStep, LayerSpec, RepoSpec } from './types.js';
import { BUILDKIT, KB } from './types.js';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.2
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEBIAN_CREATED = '2026-11-03T00:00:00Z';

export const DEBIAN_TRIXIE: LayerSpec = {
  key: 'debian:trixie',
  compressed: 49_300 * KB,
  size: 120_300 * KB,
  files: (fs) => {
    debianLike(fs, OS_RELEASE);
    fs.file('/etc/debian_version', '13.2\n').file('/etc/hostname', '').dir('/usr/share/doc/perl');
  },
};

export const DEBIAN_TRIXIE_SLIM: LayerSpec = {
  key: 'debian:trixie-slim',
  compressed: 29_800 * KB,
  size: 78_600 * KB,
  files: (fs) => {
    debianLike(fs, OS_RELEASE);
    fs.file('/etc/debian_version', '13.2\n').file('/etc/dpkg/dpkg.cfg.d/docker', '# slim: no docs, no man pages\npath-exclude /usr/share/doc/*\n');
  },
};

export const debianBase = (layer: LayerSpec): HistoryStep[] => [
  { createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1793664000'", comment: 'debuerreotype 0.16', layer, created: DEBIAN_CREATED },
  { createdBy: 'CMD ["bash"]', comment: 'debuerreotype 0.16', created: DEBIAN_CREATED },
];

export const BUILDPACK_CURL: LayerSpec = {
  key: 'buildpack-deps:trixie-curl',
  compressed: 25_600 * KB,
  files: (fs) => fs.exes('/usr/bin', ['curl', 'wget', 'gpg', 'sq']).dir('/etc/ssl/certs').file('/etc/ssl/certs/ca-certificates.crt', '# Mozilla CA bundle\n'),
};

export const BUILDPACK_SCM: LayerSpec = {
  key: 'buildpack-deps:trixie-scm',
  compressed: 67_800 * KB,
  files: (fs) => fs.exes('/usr/bin', ['git', 'hg', 'svn', 'ssh', 'scp', 'ps', 'top', 'free', 'pkill', 'pgrep', 'watch']),
};

export const BUILDPACK_DEPS: LayerSpec = {
  key: 'buildpack-deps:trixie',
  compressed: 236_200 * KB,
  files: (fs) => fs.exes('/usr/bin', ['gcc', 'g++', 'cc', 'c++', 'make', 'autoconf', 'automake', 'patch', 'file', 'unzip', 'xz', 'bzip2', 'pkg-config']).dir('/usr/include'),
};

const BUILDPACK_CREATED = '2026-11-04T01:12:45.118235921Z';

/** buildpack-deps:trixie on top of debian:trixie, oldest first. */
export const buildpackDeps = (): HistoryStep[] => [
  ...debianBase(DEBIAN_TRIXIE),
  {
    createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit',
    comment: BUILDKIT,
    layer: BUILDPACK_CURL,
    created: BUILDPACK_CREATED,
  },
  {
    createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit',
    comment: BUILDKIT,
    layer: BUILDPACK_SCM,
    created: BUILDPACK_CREATED,
  },
  {
    createdBy: 'RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibffi-dev \t\tlibssl-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit',
    comment: BUILDKIT,
    layer: BUILDPACK_DEPS,
    created: BUILDPACK_CREATED,
  },
];

export const DEBIAN: RepoSpec = {
  path: 'library/debian',
  images: [
    { tags: ['latest', 'trixie', '13', '13.2'], created: DEBIAN_CREATED, config: { Env: [PATH_ENV], Cmd: ['bash'] }, history: debianBase(DEBIAN_TRIXIE) },
    { tags: ['trixie-slim', '13-slim', 'stable-slim'], created: DEBIAN_CREATED, config: { Env: [PATH_ENV], Cmd: ['bash'] }, history: debianBase(DEBIAN_TRIXIE_SLIM) },
  ],
};

