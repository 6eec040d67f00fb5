/** python: 3.14 (latest), 3.12 and 3.12-slim (docker-library/python, trixie). */
import { DEBIAN_TRIXIE_SLIM, buildpackDeps, debianBase } from './debian.js';
import { sha256Digest } from '../../layers/digest.js';
import type { HistoryStep, ImageSpec, LayerSpec, RepoSpec } from './types.js';
import { BUILDKIT, KB } from './types.js';

const PY_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const GPG_KEYS: Record<string, string> = { '3.12': '7169605F62C751356D054A26A821E680E5FA6305', '3.14': '7169605F62C751356D054A26A821E680E5FA6305' };

const RUNTIME_DEPS: LayerSpec = {
  key: 'python:runtime-deps-trixie',
  compressed: 6_100 * KB,
  files: (fs) => fs.dir('/usr/share/tcltk').file('/usr/lib/x86_64-linux-gnu/libuuid.so.1', 'libuuid\n'),
};

const SLIM_RUNTIME_DEPS: LayerSpec = {
  key: 'python:runtime-deps-slim-trixie',
  compressed: 1_300 * KB,
  files: (fs) => fs.dir('/etc/ssl/certs').file('/etc/ssl/certs/ca-certificates.crt', '# Mozilla CA bundle\n').file('/etc/timezone', 'Etc/UTC\n').file('/etc/protocols', 'ip\t0\tIP\ntcp\t6\tTCP\nudp\t17\tUDP\n'),
};

const SYMLINKS: LayerSpec = {
  key: 'python:symlinks',
  compressed: 246,
  size: 620,
  files: (fs) => {
    for (const src of ['idle3', 'pip3', 'pydoc3', 'python3', 'python3-config']) fs.link(`/usr/local/bin/${src.replace('3', '')}`, src);
  },
};

function build(version: string, compressed: number, flavour: string): LayerSpec {
  const minor = version.split('.').slice(0, 2).join('.');
  return {
    key: `python:${version}-${flavour}`,
    compressed,
    files: (fs) => {
      fs.exe(`/usr/local/bin/python${minor}`, 'python3').link('/usr/local/bin/python3', `python${minor}`);
      fs.exe('/usr/local/bin/pip3', 'pip').exe(`/usr/local/bin/pip${minor}`, 'pip').exe('/usr/local/bin/idle3').exe('/usr/local/bin/pydoc3').exe('/usr/local/bin/python3-config');
      fs.dir(`/usr/local/lib/python${minor}/site-packages`).file(`/usr/local/lib/python${minor}/flavour`, `${flavour}\n`);
      fs.file(`/usr/local/include/python${minor}/patchlevel.h`, `#define PY_VERSION "${version}"\n`);
    },
  };
}

function image(version: string, compressed: number, created: string, slim: boolean): ImageSpec {
  const minor = version.split('.').slice(0, 2).join('.');
  const sha = sha256Digest(`Python-${version}.tar.xz`).slice(7);
  const env = [PY_PATH, 'LANG=C.UTF-8', `GPG_KEY=${GPG_KEYS[minor]}`, `PYTHON_VERSION=${version}`, `PYTHON_SHA256=${sha}`];
  const base: HistoryStep[] = slim ? debianBase(DEBIAN_TRIXIE_SLIM) : buildpackDeps();
  return {
    tags: [],
    created,
    config: { Env: env, Cmd: ['python3'] },
    history: [
      ...base,
      { createdBy: 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', comment: BUILDKIT, created },
      { createdBy: 'ENV LANG=C.UTF-8', comment: BUILDKIT, created },
      {
        createdBy: slim
          ? 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit'
          : 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit',
        comment: BUILDKIT,
        layer: slim ? SLIM_RUNTIME_DEPS : RUNTIME_DEPS,
        created,
      },
      { createdBy: `ENV GPG_KEY=${GPG_KEYS[minor]}`, comment: BUILDKIT, created },
      { createdBy: `ENV PYTHON_VERSION=${version}`, comment: BUILDKIT, created },
      { createdBy: `ENV PYTHON_SHA256=${sha}`, comment: BUILDKIT, created },
      {
        createdBy:
          'RUN /bin/sh -c set -eux; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \t./configure --enable-loadable-sqlite-extensions --enable-optimizations --enable-option-checking=fatal --enable-shared --with-ensurepip; \tmake -j "$(nproc)"; \tmake install; \t\tpython3 --version; \tpip3 --version # buildkit',
        comment: BUILDKIT,
        layer: build(version, compressed, slim ? 'slim-trixie' : 'trixie'),
        created,
      },
      {
        createdBy: 'RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit',
        comment: BUILDKIT,
        layer: SYMLINKS,
        created,
      },
      { createdBy: 'CMD ["python3"]', comment: BUILDKIT, created },
    ],
  };
}

export const PYTHON: RepoSpec = {
  path: 'library/python',
  images: [
    { ...image('3.14.7', 26_900 * KB, '2026-11-06T21:48:03.730611245Z', false), tags: ['latest', '3', '3.14', '3.14.7', 'trixie', '3.14-trixie'] },
    { ...image('3.12.14', 25_700 * KB, '2026-11-06T21:40:55.002931118Z', false), tags: ['3.12', '3.12.14', '3.12-trixie'] },
    { ...image('3.12.14', 12_100 * KB, '2026-11-06T21:22:17.561380921Z', true), tags: ['3.12-slim', '3.12.14-slim', '3.12-slim-trixie'] },
    { ...image('3.14.7', 12_600 * KB, '2026-11-06T21:25:40.319824467Z', true), tags: ['slim', '3-slim', '3.14-slim', '3.14.7-slim', 'slim-trixie'] },
  ],
};
