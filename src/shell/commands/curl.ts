/**
 * `curl` over the injected HttpClient: -s -S -i -I -X -d -H -L -o -f -v -w.
 * Error lines follow curl 8 (`curl: (7) Failed to connect to …`).
 */
import type { CommandContext, ExternalCommand } from '../../os/process.js';
import { resolvePath } from '../../os/path.js';
import { CONNECTION_REFUSED, HOST_NOT_FOUND, HttpConnectError, type HttpClient, type HttpClientResponse } from './http.js';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  method?: string;
  data: string[];
  headers: [string, string][];
  follow: boolean;
  output?: string;
  fail: boolean;
  verbose: boolean;
  writeOut?: string;
  url?: string;
}

const WITH_VALUE = new Set(['-X', '--request', '-d', '--data', '--data-raw', '--data-binary', '-H', '--header', '-o', '--output', '-w', '--write-out', '-A', '--user-agent', '-m', '--max-time', '--connect-timeout', '-u', '--user']);

function parse(args: readonly string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, include: false, head: false, data: [], headers: [], follow: false, fail: false, verbose: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (WITH_VALUE.has(a) || /^-[XdHowAmu]./.test(a)) {
      const value = WITH_VALUE.has(a) ? args[++i] : a.slice(2);
      if (value === undefined) return `option ${a}: requires parameter`;
      const key = WITH_VALUE.has(a) ? a : a.slice(0, 2);
      if (key === '-X' || key === '--request') o.method = value;
      else if (['-d', '--data', '--data-raw', '--data-binary'].includes(key)) o.data.push(value);
      else if (key === '-H' || key === '--header') {
        const colon = value.indexOf(':');
        if (colon > 0) o.headers.push([value.slice(0, colon).trim().toLowerCase(), value.slice(colon + 1).trim()]);
      } else if (key === '-o' || key === '--output') o.output = value;
      else if (key === '-w' || key === '--write-out') o.writeOut = value;
      else if (key === '-A' || key === '--user-agent') o.headers.push(['user-agent', value]);
      continue;
    }
    if (a.startsWith('--')) {
      const map: Record<string, keyof CurlOptions> = { '--silent': 'silent', '--show-error': 'showError', '--include': 'include', '--head': 'head', '--location': 'follow', '--fail': 'fail', '--verbose': 'verbose' };
      const key = map[a];
      if (!key) return `option ${a}: is unknown`;
      (o as unknown as Record<string, boolean>)[key] = true;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        const key = ({ s: 'silent', S: 'showError', i: 'include', I: 'head', L: 'follow', f: 'fail', v: 'verbose' } as Record<string, keyof CurlOptions>)[f];
        if (!key) return `option -${f}: is unknown`;
        (o as unknown as Record<string, boolean>)[key] = true;
      }
      continue;
    }
    o.url = a;
  }
  return o;
}

interface Target {
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

function parseUrl(raw: string): Target | null {
  const m = /^(?:(https?):\/\/)?([^/:?#]*)(?::([0-9]*))?([^#]*)/i.exec(raw);
  if (!m || m[2] === '') return null;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] || '/';
  if (!path.startsWith('/')) path = '/' + path;
  return { host: m[2].toLowerCase(), port, path };
}

function reasonPhrase(res: HttpClientResponse): string {
  return res.statusText ? ` ${res.statusText}` : '';
}

export function createCurl(client: HttpClient | undefined): ExternalCommand {
  return async (argv, ctx) => {
    const parsed = parse(argv.slice(1));
    const errOut = (code: number, message: string, o?: CurlOptions): number => {
      if (!o || !o.silent || o.showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
      return code;
    };
    if (typeof parsed === 'string') {
      ctx.stderr.write(`curl: ${parsed}\ncurl: try 'curl --help' for more information\n`);
      return 2;
    }
    const o = parsed;
    if (!o.url) {
      ctx.stderr.write("curl: no URL specified\ncurl: try 'curl --help' for more information\n");
      return 2;
    }
    const first = parseUrl(o.url);
    if (!first) return errOut(3, 'URL rejected: No host part in the URL', o);
    let target: Target = first;
    const body = new TextEncoder().encode(o.data.join('&'));
    const method = o.method ?? (o.head ? 'HEAD' : o.data.length ? 'POST' : 'GET');
    const headers: Record<string, string> = { host: target.port === 80 ? target.host : `${target.host}:${target.port}`, 'user-agent': 'curl/8.5.0', accept: '*/*' };
    if (o.data.length) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (o.data.length) headers['content-length'] = String(body.length);
    for (const [k, v] of o.headers) headers[k] = v;
    let res: HttpClientResponse | undefined;
    for (let hops = 0; ; hops++) {
      if (!client) return errOut(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`, o);
      if (o.verbose) verboseRequest(ctx, method, target, headers);
      let result: Awaited<ReturnType<HttpClient['request']>>;
      try {
        result = await client.request(target.host, target.port, { method, url: target.path, headers, body: method === 'GET' || method === 'HEAD' ? new Uint8Array(0) : body });
      } catch (e) {
        if (e instanceof HttpConnectError) result = e.code;
        else throw e;
      }
      if (result === HOST_NOT_FOUND) return errOut(6, `Could not resolve host: ${target.host}`, o);
      if (result === CONNECTION_REFUSED) {
        const why = /^[0-9.]+$/.test(target.host) ? 'Connection refused' : "Couldn't connect to server";
        return errOut(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: ${why}`, o);
      }
      res = result;
      const location = res.headers['location'];
      if (o.follow && location && res.status >= 300 && res.status < 400 && hops < 50) {
        if (o.include) writeHead(ctx, res);
        const next = location.startsWith('/') ? { ...target, path: location } : parseUrl(location);
        if (!next) break;
        target = next;
        headers.host = target.port === 80 ? target.host : `${target.host}:${target.port}`;
        continue;
      }
      break;
    }
    if (o.fail && res.status >= 400) return errOut(22, `The requested URL returned error: ${res.status}`, o);
    if (o.verbose) verboseResponse(ctx, res);
    let out = '';
    if (o.include || o.head) out += headText(res);
    if (!o.head) out += new TextDecoder().decode(res.body);
    if (o.output) {
      try {
        ctx.fs.writeFile(resolvePath(ctx.cwd, o.output), out);
      } catch {
        return errOut(23, `Failure writing output to destination, passed ${out.length} returned 0`, o);
      }
    } else ctx.stdout.write(out);
    if (o.writeOut) ctx.stdout.write(o.writeOut.replace(/%\{http_code\}/g, String(res.status).padStart(3, '0')).replace(/\\n/g, '\n'));
    return 0;
  };
}

function headText(res: HttpClientResponse): string {
  let out = `HTTP/1.1 ${res.status}${reasonPhrase(res)}\r\n`;
  for (const [k, v] of Object.entries(res.headers)) out += `${headerCase(k)}: ${v}\r\n`;
  return out + '\r\n';
}

function writeHead(ctx: CommandContext, res: HttpClientResponse): void {
  ctx.stdout.write(headText(res));
}

/** Servers send their own case; ours are stored lower-case, so show the conventional form. */
function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function verboseRequest(ctx: CommandContext, method: string, t: Target, headers: Record<string, string>): void {
  ctx.stderr.write(`*   Trying ${t.host}:${t.port}...\n* Connected to ${t.host} port ${t.port}\n> ${method} ${t.path} HTTP/1.1\n`);
  for (const [k, v] of Object.entries(headers)) ctx.stderr.write(`> ${headerCase(k)}: ${v}\n`);
  ctx.stderr.write('> \n');
}

function verboseResponse(ctx: CommandContext, res: HttpClientResponse): void {
  ctx.stderr.write(`< HTTP/1.1 ${res.status}${reasonPhrase(res)}\n`);
  for (const [k, v] of Object.entries(res.headers)) ctx.stderr.write(`< ${headerCase(k)}: ${v}\n`);
  ctx.stderr.write('< \n');
}
