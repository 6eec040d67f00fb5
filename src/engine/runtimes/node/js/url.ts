/**
 * `url` and `querystring` for the sandbox: a WHATWG URL subset (QuickJS has
 * none), URLSearchParams and the legacy `url.parse` http servers use on
 * `req.url`. CommonJS module bodies.
 */
export const QUERYSTRING_JS = String.raw`
function unescape(s) { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }
function escape(s) { return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); }
function parse(str, sep, eq) {
  const out = Object.create(null);
  if (typeof str !== 'string' || str === '') return out;
  for (const part of str.split(sep || '&')) {
    if (part === '') continue;
    const i = part.indexOf(eq || '=');
    const k = unescape(i < 0 ? part : part.slice(0, i)), v = i < 0 ? '' : unescape(part.slice(i + 1));
    if (k in out) out[k] = [].concat(out[k], v); else out[k] = v;
  }
  return out;
}
function stringify(obj, sep, eq) {
  const enc = (v) => encodeURIComponent(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '');
  return Object.keys(obj || {}).map((k) => [].concat(obj[k]).map((v) => enc(k) + (eq || '=') + enc(v)).join(sep || '&')).join(sep || '&');
}
module.exports = { parse, stringify, decode: parse, encode: stringify, escape, unescape };
`;

export const URL_JS = String.raw`
const qs = require('querystring');
class URLSearchParams {
  constructor(init) {
    this._list = [];
    if (typeof init === 'string') {
      for (const part of init.replace(/^\?/, '').split('&')) {
        if (part === '') continue;
        const i = part.indexOf('=');
        this._list.push([qs.unescape(i < 0 ? part : part.slice(0, i)), i < 0 ? '' : qs.unescape(part.slice(i + 1))]);
      }
    } else if (Array.isArray(init)) this._list = init.map(([k, v]) => [String(k), String(v)]);
    else if (init && typeof init === 'object') this._list = Object.keys(init).map((k) => [k, String(init[k])]);
  }
  get size() { return this._list.length; }
  get(k) { const e = this._list.find((x) => x[0] === k); return e ? e[1] : null; }
  getAll(k) { return this._list.filter((x) => x[0] === k).map((x) => x[1]); }
  has(k) { return this._list.some((x) => x[0] === k); }
  set(k, v) { const i = this._list.findIndex((x) => x[0] === k); this._list = this._list.filter((x, j) => x[0] !== k || j === i); if (i >= 0) this._list[this._list.findIndex((x) => x[0] === k)][1] = String(v); else this._list.push([k, String(v)]); this._update(); }
  append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
  delete(k) { this._list = this._list.filter((x) => x[0] !== k); this._update(); }
  sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._update(); }
  forEach(fn, self) { for (const [k, v] of this._list) fn.call(self, v, k, this); }
  keys() { return this._list.map((x) => x[0])[Symbol.iterator](); }
  values() { return this._list.map((x) => x[1])[Symbol.iterator](); }
  entries() { return this._list.map((x) => [x[0], x[1]])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this._list.map(([k, v]) => qs.escape(k) + '=' + qs.escape(v)).join('&'); }
  _update() { if (this._url) this._url._search = this._list.length ? '?' + this.toString() : ''; }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    if (this._list.length === 0) return 'URLSearchParams {}';
    return 'URLSearchParams { ' + this._list.map(([k, v]) => "'" + k + "' => '" + v + "'").join(', ') + ' }';
  }
}

const DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ftp:': '21', 'ws:': '80', 'wss:': '443' };
const RE = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/(?:([^:@\/]*)(?::([^@\/]*))?@)?(\[[^\]]*\]|[^:\/?#]*)(?::(\d*))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
function invalid(input) { const e = new TypeError('Invalid URL'); e.code = 'ERR_INVALID_URL'; e.input = input; return e; }
class URL {
  constructor(input, base) {
    input = String(input).trim();
    let m = RE.exec(input);
    if (!m) {
      if (base === undefined) throw invalid(input);
      const b = base instanceof URL ? base : new URL(base);
      let path = input;
      if (input.startsWith('//')) return new URL(b.protocol + input);
      let search = '', hash = '';
      const h = path.indexOf('#'); if (h >= 0) { hash = path.slice(h); path = path.slice(0, h); }
      const q = path.indexOf('?'); if (q >= 0) { search = path.slice(q); path = path.slice(0, q); }
      if (path === '') { path = b.pathname; if (!search && q < 0) search = b.search; }
      else if (!path.startsWith('/')) path = b.pathname.slice(0, b.pathname.lastIndexOf('/') + 1) + path;
      m = RE.exec(b.protocol + '//' + (b.username ? b.username + (b.password ? ':' + b.password : '') + '@' : '') + b.host + path + search + hash);
    }
    this._protocol = m[1].toLowerCase();
    this.username = m[2] || ''; this.password = m[3] || '';
    this.hostname = (m[4] || '').toLowerCase();
    this.port = m[5] && m[5] !== DEFAULT_PORTS[this._protocol] ? m[5] : '';
    const segs = [];
    for (const s of (m[6] || '').split('/').slice(1)) { if (s === '..') segs.pop(); else if (s !== '.') segs.push(s); }
    this.pathname = m[4] !== undefined || m[6] ? '/' + segs.join('/') : '';
    if (m[4] !== undefined && this.pathname === '') this.pathname = '/';
    this.pathname = this.pathname.replace(/ /g, '%20');
    this._search = m[7] && m[7] !== '?' ? m[7] : '';
    this.hash = m[8] && m[8] !== '#' ? m[8] : '';
    this._params = null;
  }
  get protocol() { return this._protocol; }
  set protocol(v) { this._protocol = String(v).replace(/:?$/, ':'); }
  get host() { return this.hostname + (this.port ? ':' + this.port : ''); }
  get origin() { return this._protocol + '//' + this.host; }
  get search() { return this._search; }
  set search(v) { v = String(v); this._search = v === '' || v === '?' ? '' : (v.startsWith('?') ? v : '?' + v); if (this._params) { this._params._list = new URLSearchParams(this._search)._list; } }
  get searchParams() { if (!this._params) { this._params = new URLSearchParams(this._search); this._params._url = this; } return this._params; }
  get href() { return this._protocol + (this.hostname || this._protocol === 'file:' ? '//' : '') + (this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : '') + this.host + this.pathname + this._search + this.hash; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(u, b) { try { new URL(u, b); return true; } catch (e) { return false; } }
  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    const o = { href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password, host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash };
    return 'URL ' + require('util').inspect(o).replace("searchParams: URLSearchParams", 'searchParams: URLSearchParams');
  }
}

function parse(str, parseQuery) {
  const out = { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null, search: null, query: null, pathname: null, path: null, href: str };
  let rest = str;
  const h = rest.indexOf('#'); if (h >= 0) { out.hash = rest.slice(h); rest = rest.slice(0, h); }
  const q = rest.indexOf('?'); if (q >= 0) { out.search = rest.slice(q); out.query = rest.slice(q + 1); rest = rest.slice(0, q); }
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:)?(\/\/)?([^\/]*)?(.*)$/.exec(rest);
  if (m && m[1] && m[2]) {
    out.protocol = m[1].toLowerCase(); out.slashes = true; out.host = (m[3] || '').toLowerCase();
    const at = out.host.lastIndexOf('@'); if (at >= 0) { out.auth = out.host.slice(0, at); out.host = out.host.slice(at + 1); }
    const c = out.host.lastIndexOf(':'); out.hostname = c >= 0 ? out.host.slice(0, c) : out.host; out.port = c >= 0 ? out.host.slice(c + 1) : null;
    rest = m[4] || '/';
  }
  out.pathname = rest || (out.host ? '/' : null);
  out.path = (out.pathname || '') + (out.search || '') || null;
  if (parseQuery) out.query = qs.parse(out.query || '');
  if (!out.search && parseQuery) out.search = '';
  return out;
}
function format(u) {
  if (typeof u === 'string') return u;
  if (u instanceof URL) return u.href;
  const search = u.search || (u.query && typeof u.query === 'object' && Object.keys(u.query).length ? '?' + qs.stringify(u.query) : '');
  return (u.protocol ? u.protocol + '//' : '') + (u.host || u.hostname || '') + (u.pathname || '') + search + (u.hash || '');
}
function fileURLToPath(u) { return decodeURIComponent((typeof u === 'string' ? new URL(u) : u).pathname); }
function pathToFileURL(p) { return new URL('file://' + require('path').resolve(p)); }
module.exports = { URL, URLSearchParams, parse, format, resolve: (from, to) => new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\//, ''), fileURLToPath, pathToFileURL };
`;
