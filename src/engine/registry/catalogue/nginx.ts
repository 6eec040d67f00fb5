/** nginx:latest (mainline 1.31 on trixie-slim): install layer plus five entrypoint COPY layers. */
import { GROUP_DEBIAN, PASSWD_DEBIAN } from './bases.js';
import { DEBIAN_TRIXIE_SLIM, PATH_ENV, debianBase } from './debian.js';
import { DEFAULT_CONF, ERROR_HTML, INDEX_HTML, MIME_TYPES, NGINX_CONF } from './nginxFiles.js';
import type { HistoryStep, LayerSpec, RepoSpec } from './types.js';
import { BUILDKIT, KB } from './types.js';

const VERSION = '1.31.4';
const CREATED = '2026-11-10T19:52:38.104297561Z';

const INSTALL: LayerSpec = {
  key: `nginx:${VERSION}-install`,
  compressed: 33_300 * KB,
  files: (fs) => {
    fs.exe('/usr/sbin/nginx').exe('/usr/sbin/nginx-debug', 'nginx').exes('/usr/bin', ['envsubst']);
    fs.file('/etc/nginx/nginx.conf', NGINX_CONF).file('/etc/nginx/conf.d/default.conf', DEFAULT_CONF).file('/etc/nginx/mime.types', MIME_TYPES);
    fs.dir('/etc/nginx/modules').dir('/var/cache/nginx').dir('/var/log/nginx');
    fs.link('/var/log/nginx/access.log', '/dev/stdout').link('/var/log/nginx/error.log', '/dev/stderr');
    fs.file('/usr/share/nginx/html/index.html', INDEX_HTML).file('/usr/share/nginx/html/50x.html', ERROR_HTML);
    fs.file('/etc/passwd', `${PASSWD_DEBIAN}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`).file('/etc/group', `${GROUP_DEBIAN}nginx:x:101:\n`);
  },
};

const copy = (name: string, dest: string, compressed: number): { layer: LayerSpec; step: HistoryStep } => {
  const path = dest === '/' ? `/${name}` : `${dest}/${name}`;
  const layer: LayerSpec = {
    key: `nginx:${name}`,
    compressed,
    size: Math.round(compressed * 2.3),
    files: (fs) => {
      if (dest !== '/') fs.dir(dest);
      fs.exe(path, name === 'docker-entrypoint.sh' ? 'nginx-entrypoint' : 'nginx-entrypoint.d');
    },
  };
  return { layer, step: { createdBy: `COPY ${name} ${dest} # buildkit`, comment: BUILDKIT, layer, created: CREATED } };
};

const env = { NGINX_VERSION: VERSION, NJS_VERSION: '0.9.4', NJS_RELEASE: '1~trixie', ACME_VERSION: '0.3.1', PKG_RELEASE: '1~trixie', DYNPKG_RELEASE: '1~trixie' };

export const NGINX: RepoSpec = {
  path: 'library/nginx',
  images: [
    {
      tags: ['latest', 'mainline', '1', '1.31', VERSION, 'trixie', 'mainline-trixie'],
      created: CREATED,
      config: {
        ExposedPorts: { '80/tcp': {} },
        Env: [PATH_ENV, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)],
        Entrypoint: ['/docker-entrypoint.sh'],
        Cmd: ['nginx', '-g', 'daemon off;'],
        Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
        StopSignal: 'SIGQUIT',
      },
      history: [
        ...debianBase(DEBIAN_TRIXIE_SLIM),
        { createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', comment: BUILDKIT, created: CREATED },
        ...Object.entries(env).map(([k, v]) => ({ createdBy: `ENV ${k}=${v}`, comment: BUILDKIT, created: CREATED })),
        {
          createdBy:
            'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     && rm -rf /var/lib/apt/lists/*     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
          comment: BUILDKIT,
          layer: INSTALL,
          created: CREATED,
        },
        copy('docker-entrypoint.sh', '/', 626).step,
        copy('10-listen-on-ipv6-by-default.sh', '/docker-entrypoint.d', 955).step,
        copy('15-local-resolvers.envsh', '/docker-entrypoint.d', 403).step,
        copy('20-envsubst-on-templates.sh', '/docker-entrypoint.d', 1_200).step,
        copy('30-tune-worker-processes.sh', '/docker-entrypoint.d', 1_400).step,
        { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]', comment: BUILDKIT, created: CREATED },
        { createdBy: 'EXPOSE map[80/tcp:{}]', comment: BUILDKIT, created: CREATED },
        { createdBy: 'STOPSIGNAL SIGQUIT', comment: BUILDKIT, created: CREATED },
        { createdBy: 'CMD ["nginx" "-g" "daemon off;"]', comment: BUILDKIT, created: CREATED },
      ],
    },
  ],
};
