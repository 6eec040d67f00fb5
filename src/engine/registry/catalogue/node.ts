/** node: 26 (latest/current), 24 (lts), 22 and 22-alpine, built on buildpack-deps:trixie / alpine. */
import { alpineBase } from './alpine.js';
import { GROUP_DEBIAN, PASSWD_DEBIAN } from './bases.js';
import { PATH_ENV, buildpackDeps } from './debian.js';
import type { HistoryStep, ImageSpec, LayerSpec, RepoSpec } from './types.js';
import { BUILDKIT, KB } from './types.js';

const YARN_VERSION = '1.22.22';

const USER_LAYER: LayerSpec = {
  key: 'node:user',
  compressed: 3_300,
  size: 9_210,
  files: (fs) => {
    fs.dir('/home/node', 0o755, 1000, 1000).file('/home/node/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n', 0o644, 1000, 1000);
    fs.file('/home/node/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n', 0o644, 1000, 1000);
    fs.file('/etc/passwd', `${PASSWD_DEBIAN}node:x:1000:1000::/home/node:/bin/bash\n`).file('/etc/group', `${GROUP_DEBIAN}node:x:1000:\n`);
    fs.file('/etc/subuid', 'node:100000:65536\n').file('/etc/subgid', 'node:100000:65536\n');
  },
};

const ENTRYPOINT_LAYER: LayerSpec = {
  key: 'node:docker-entrypoint.sh',
  compressed: 446,
  size: 1_120,
  files: (fs) => fs.exe('/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint.sh'),
};

function nodeLayer(version: string, npm: string, compressed: number, flavour: 'trixie' | 'alpine'): LayerSpec {
  return {
    key: `node:${version}-${flavour}`,
    compressed,
    files: (fs) => {
      fs.exe('/usr/local/bin/node').exe('/usr/local/bin/npm').exe('/usr/local/bin/npx').exe('/usr/local/bin/corepack');
      fs.file('/usr/local/include/node/node_version.h', `#define NODE_VERSION "v${version}"\n`);
      fs.file('/usr/local/lib/node_modules/npm/package.json', `{\n  "name": "npm",\n  "version": "${npm}"\n}\n`);
      fs.file('/usr/local/share/doc/node/flavour', `${flavour}\n`);
      if (flavour === 'alpine') fs.dir('/home/node', 0o755, 1000, 1000);
    },
  };
}

function yarnLayer(flavour: 'trixie' | 'alpine'): LayerSpec {
  return {
    key: `node:yarn-${YARN_VERSION}-${flavour}`,
    compressed: flavour === 'alpine' ? 1_300 * KB : 1_250 * KB,
    files: (fs) => {
      fs.exe(`/opt/yarn-v${YARN_VERSION}/bin/yarn`, 'yarn').file(`/opt/yarn-v${YARN_VERSION}/package.json`, `{"name":"yarn","version":"${YARN_VERSION}","flavour":"${flavour}"}\n`);
      fs.link('/usr/local/bin/yarn', `/opt/yarn-v${YARN_VERSION}/bin/yarn`).link('/usr/local/bin/yarnpkg', `/opt/yarn-v${YARN_VERSION}/bin/yarn`);
    },
  };
}

const DOWNLOAD_NODE =
  'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     ppc64el) ARCH=\'ppc64le\';;     s390x) ARCH=\'s390x\';;     arm64) ARCH=\'arm64\';;     armhf) ARCH=\'armv7l\';;     i386) ARCH=\'x86\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && export GNUPGHOME="$(mktemp -d)"   && set -ex   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit';
const YARN_RUN =
  'RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz   && yarn --version # buildkit';

const tail = (created: string): HistoryStep[] => [
  { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', comment: BUILDKIT, layer: ENTRYPOINT_LAYER, created },
  { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', comment: BUILDKIT, created },
  { createdBy: 'CMD ["node"]', comment: BUILDKIT, created },
];

function trixie(version: string, npm: string, compressed: number, created: string, withYarn: boolean): ImageSpec {
  const env = [PATH_ENV, `NODE_VERSION=${version}`, ...(withYarn ? [`YARN_VERSION=${YARN_VERSION}`] : [])];
  return {
    tags: [],
    created,
    config: { Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: [
      ...buildpackDeps(),
      { createdBy: 'RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', comment: BUILDKIT, layer: USER_LAYER, created },
      { createdBy: `ENV NODE_VERSION=${version}`, comment: BUILDKIT, created },
      { createdBy: DOWNLOAD_NODE, comment: BUILDKIT, layer: nodeLayer(version, npm, compressed, 'trixie'), created },
      ...(withYarn
        ? [
            { createdBy: `ENV YARN_VERSION=${YARN_VERSION}`, comment: BUILDKIT, created },
            { createdBy: YARN_RUN, comment: BUILDKIT, layer: yarnLayer('trixie'), created },
          ]
        : []),
      ...tail(created),
    ],
  };
}

function alpine(version: string, npm: string, created: string): ImageSpec {
  return {
    tags: [],
    created,
    config: { Env: [PATH_ENV, `NODE_VERSION=${version}`, `YARN_VERSION=${YARN_VERSION}`], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
    history: [
      ...alpineBase(),
      { createdBy: `ENV NODE_VERSION=${version}`, comment: BUILDKIT, created },
      {
        createdBy: 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)"       && case "${alpineArch##*-}" in         x86_64) ARCH=\'x64\' CHECKSUM="" OPENSSL_ARCH=linux-x86_64;;         *) ;;       esac   && apk del .build-deps   && node --version   && npm --version # buildkit',
        comment: BUILDKIT,
        layer: nodeLayer(version, npm, 55_600 * KB, 'alpine'),
        created,
      },
      { createdBy: `ENV YARN_VERSION=${YARN_VERSION}`, comment: BUILDKIT, created },
      { createdBy: YARN_RUN.replace('set -ex ', 'apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && set -ex '), comment: BUILDKIT, layer: yarnLayer('alpine'), created },
      ...tail(created),
    ],
  };
}

export const NODE: RepoSpec = {
  path: 'library/node',
  images: [
    { ...trixie('26.7.0', '11.9.0', 63_400 * KB, '2026-11-12T18:41:22.570183004Z', false), tags: ['latest', 'current', '26', '26.7', '26.7.0', 'trixie', '26-trixie'] },
    { ...trixie('24.19.0', '11.6.2', 60_200 * KB, '2026-11-05T02:17:09.204811557Z', true), tags: ['lts', '24', '24.19', '24.19.0', 'krypton', 'lts-trixie', '24-trixie'] },
    { ...trixie('22.23.0', '10.9.4', 57_800 * KB, '2026-10-28T23:55:40.881034716Z', true), tags: ['22', '22.23', '22.23.0', 'jod', '22-trixie'] },
    { ...alpine('22.23.0', '10.9.4', '2026-10-29T00:21:13.447209882Z'), tags: ['22-alpine', '22-alpine3.24', 'jod-alpine'] },
    { ...alpine('26.7.0', '11.9.0', '2026-11-12T19:02:51.119384620Z'), tags: ['alpine', 'current-alpine', '26-alpine', '26-alpine3.24'] },
  ],
};

