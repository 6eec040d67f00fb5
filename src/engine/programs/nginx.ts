/**
 * `nginx` as the official image runs it: serves /usr/share/nginx/html on port
 * 80, logs requests in the image's `main` format to stdout and notices to
 * stderr, quits gracefully on SIGQUIT (the image's STOPSIGNAL) and fast on
 * SIGTERM/SIGINT, both with exit code 0.
 */
import { resolvePath } from '../../os/path.js';
import type { SignalName } from '../../os/process.js';
import { SIGNAL_NUMBERS } from '../../os/process.js';
import type { HttpRequest, HttpResponse } from '../net/http.js';
import type { Program, ProgramContext } from './types.js';

const ROOT = '/usr/share/nginx/html';
const WORKERS = [29, 30];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const MIME: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', mjs: 'application/javascript',
  json: 'application/json', txt: 'text/plain', xml: 'text/xml', svg: 'image/svg+xml', png: 'image/png',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', ico: 'image/x-icon', webp: 'image/webp',
  woff: 'font/woff', woff2: 'font/woff2', wasm: 'application/wasm', pdf: 'application/pdf',
};

const p2 = (n: number): string => String(n).padStart(2, '0');

/** nginx error-log time: `2026/01/15 10:00:00` (the container's TZ is UTC). */
export function nginxLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function accessTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

const encoder = new TextEncoder();

function errorPage(status: number, text: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function serve(ctx: ProgramContext, request: HttpRequest, version: string): HttpResponse {
  const now = ctx.clock.now();
  const base: Record<string, string> = { server: `nginx/${version}`, date: httpDate(now), connection: 'keep-alive' };
  const fail = (status: number, text: string, extra: Record<string, string> = {}): HttpResponse => {
    const body = encoder.encode(errorPage(status, text, version));
    return { status, statusText: text, headers: { ...base, 'content-type': 'text/html', 'content-length': String(body.length), ...extra }, body };
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405, 'Not Allowed');
  let path: string;
  try {
    path = decodeURIComponent(request.url.split('?')[0] || '/');
  } catch {
    return fail(400, 'Bad Request');
  }
  // nginx rejects a URI whose `..` segments climb above the root.
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return fail(400, 'Bad Request');
  }
  let file = resolvePath(ROOT, `.${path.startsWith('/') ? path : `/${path}`}`);
  let stat = ctx.fs.stat(file);
  if (stat?.kind === 'dir') {
    if (!path.endsWith('/')) {
      const host = request.headers.host ?? 'localhost';
      return fail(301, 'Moved Permanently', { location: `http://${host}${path}/` });
    }
    file = `${file === '/' ? '' : file}/index.html`;
    stat = ctx.fs.stat(file);
    if (!stat) return fail(403, 'Forbidden');
  }
  if (!stat || stat.kind !== 'file') return fail(404, 'Not Found');
  const data = ctx.fs.readFile(file);
  const ext = file.includes('.') ? file.slice(file.lastIndexOf('.') + 1).toLowerCase() : '';
  const etag = `"${Math.floor(stat.mtime / 1000).toString(16)}-${data.length.toString(16)}"`;
  return {
    status: 200,
    statusText: 'OK',
    headers: {
      ...base,
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-length': String(data.length),
      'last-modified': httpDate(stat.mtime),
      etag,
      'accept-ranges': 'bytes',
    },
    body: request.method === 'HEAD' ? new Uint8Array(0) : data,
  };
}

export const nginxProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const version = ctx.env.get('NGINX_VERSION') ?? '1.29.3';
  if (args.includes('-v') || args.includes('-V')) {
    ctx.stderr.write(`nginx version: nginx/${version}\n`);
    return 0;
  }
  if (args.includes('-t')) {
    ctx.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const g = args.indexOf('-g');
  const directives = g >= 0 ? (args[g + 1] ?? '') : '';
  // Without `daemon off;` nginx forks into the background and the foreground process exits.
  if (!/daemon\s+off\s*;/.test(directives)) return 0;

  const notice = (pid: number, text: string): void => ctx.stderr.write(`${nginxLogTime(ctx.clock.now())} [notice] ${pid}#${pid}: ${text}\n`);
  let listener;
  try {
    listener = ctx.net.listen(80, async (request) => {
      const response = serve(ctx, request, version);
      const agent = request.headers['user-agent'] ?? '-';
      const referer = request.headers.referer ?? '-';
      const sent = request.method === 'HEAD' ? 0 : response.body.length;
      ctx.stdout.write(`172.17.0.1 - - [${accessTime(ctx.clock.now())}] "${request.method} ${request.url} HTTP/1.1" ${response.status} ${sent} "${referer}" "${agent}" "-"\n`);
      return response;
    });
  } catch {
    ctx.stderr.write(`${nginxLogTime(ctx.clock.now())} [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n`);
    return 1;
  }
  notice(1, 'using the "epoll" event method');
  notice(1, `nginx/${version}`);
  notice(1, 'built by gcc 14.2.0 (Debian 14.2.0-19) ');
  notice(1, 'OS: Linux 6.10.14-linuxkit');
  notice(1, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  notice(1, 'start worker processes');
  for (const pid of WORKERS) notice(1, `start worker process ${pid}`);
  return new Promise<number>((resolve) => {
    const shutdown = (signal: SignalName, graceful: boolean): void => {
      listener.close();
      notice(1, `signal ${SIGNAL_NUMBERS[signal]} (${signal}) received, ${graceful ? 'shutting down' : 'exiting'}`);
      for (const pid of WORKERS) {
        if (graceful) notice(pid, 'gracefully shutting down');
        notice(pid, 'exiting');
        notice(pid, 'exit');
      }
      for (const pid of WORKERS) {
        notice(1, `signal 17 (SIGCHLD) received from ${pid}`);
        notice(1, `worker process ${pid} exited with code 0`);
      }
      notice(1, 'exit');
      resolve(0);
    };
    ctx.trap('SIGQUIT', () => shutdown('SIGQUIT', true));
    ctx.trap('SIGTERM', () => shutdown('SIGTERM', false));
    ctx.trap('SIGINT', () => shutdown('SIGINT', false));
    ctx.killed.onCancel(() => resolve(137));
  });
};
