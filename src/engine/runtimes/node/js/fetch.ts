/**
 * A `fetch` for the sandbox that reaches the container's own loopback through
 * the host; other hosts fail the way undici does (`TypeError: fetch failed`
 * with the cause). Evaluated as a script after the process globals.
 */
export const FETCH_JS = String.raw`
(function () {
  const S = globalThis.__slipway;
  const host = S.host;
  const pending = Object.create(null);
  let next = 1;
  class Headers {
    constructor(init) {
      this._map = new Map();
      if (init instanceof Headers) init.forEach((v, k) => this.set(k, v));
      else if (Array.isArray(init)) init.forEach(([k, v]) => this.append(k, v));
      else if (init) Object.keys(init).forEach((k) => this.set(k, init[k]));
    }
    get(k) { const v = this._map.get(String(k).toLowerCase()); return v === undefined ? null : v; }
    set(k, v) { this._map.set(String(k).toLowerCase(), String(v)); }
    append(k, v) { const old = this.get(k); this.set(k, old === null ? v : old + ', ' + v); }
    has(k) { return this._map.has(String(k).toLowerCase()); }
    delete(k) { this._map.delete(String(k).toLowerCase()); }
    forEach(fn) { for (const [k, v] of this._map) fn(v, k, this); }
    entries() { return this._map.entries(); }
    keys() { return this._map.keys(); }
    values() { return this._map.values(); }
    [Symbol.iterator]() { return this._map.entries(); }
  }
  class Response {
    constructor(body, init) {
      init = init || {};
      this._body = body instanceof Uint8Array ? body : Buffer.from(body === undefined || body === null ? '' : String(body));
      this.status = init.status || 200; this.statusText = init.statusText || ''; this.headers = new Headers(init.headers);
      this.ok = this.status >= 200 && this.status < 300; this.url = init.url || ''; this.redirected = false; this.type = 'basic'; this.bodyUsed = false;
    }
    async text() { this.bodyUsed = true; return Buffer.from(this._body).toString(); }
    async json() { return JSON.parse(await this.text()); }
    async arrayBuffer() { this.bodyUsed = true; return this._body.buffer.slice(this._body.byteOffset, this._body.byteOffset + this._body.length); }
  }
  function fail(message, code) {
    const cause = new Error(message);
    cause.code = code;
    const e = new TypeError('fetch failed');
    e.cause = cause;
    return e;
  }
  globalThis.Headers = Headers;
  globalThis.Response = Response;
  globalThis.fetch = (input, init) => new Promise((resolve, reject) => {
    init = init || {};
    let url;
    try { url = new URL(typeof input === 'string' ? input : input.url || String(input)); } catch (e) { reject(new TypeError('Failed to parse URL from ' + input)); return; }
    if (url.protocol !== 'http:') { reject(fail('Slipway: only http:// is available to fetch in this simulated Node runtime', 'ERR_UNSUPPORTED')); return; }
    if (!['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(url.hostname)) { reject(fail('getaddrinfo ENOTFOUND ' + url.hostname, 'ENOTFOUND')); return; }
    const headers = {};
    new Headers(init.headers).forEach((v, k) => { headers[k] = v; });
    headers.host = url.host;
    if (!headers.accept) headers.accept = '*/*';
    if (!headers['user-agent']) headers['user-agent'] = 'node';
    const body = init.body === undefined || init.body === null ? Buffer.alloc(0) : Buffer.from(init.body);
    if (body.length) { headers['content-length'] = String(body.length); if (!headers['content-type'] && typeof init.body === 'string') headers['content-type'] = 'text/plain;charset=UTF-8'; }
    const id = next++;
    pending[id] = { resolve, reject, url: url.href };
    host.request(id, Number(url.port || 80), String(init.method || 'GET').toUpperCase(), url.pathname + url.search, JSON.stringify(headers), body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
  });
  S.fetchDone = (id, status, statusText, headers, body) => {
    const p = pending[id];
    delete pending[id];
    if (p) p.resolve(new Response(Buffer.from(body), { status, statusText, headers: JSON.parse(headers), url: p.url }));
  };
  S.fetchFail = (id, message, code) => {
    const p = pending[id];
    delete pending[id];
    if (p) p.reject(fail(message, code));
  };
})();
`;
