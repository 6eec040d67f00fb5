/**
 * The request and response helpers express adds (req.query/get/ip, res.send/
 * json/status/redirect/sendFile/set) and express.static, as a module body
 * spliced into the express module. Headers and bodies follow express 4.
 */
export const EXPRESS_RESPONSE_JS = String.raw`
const path = require('path');
const fs = require('fs');
const qs = require('querystring');
const STATUS = http.STATUS_CODES;
const MIME = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', mjs: 'application/javascript', json: 'application/json',
  txt: 'text/plain', md: 'text/markdown', xml: 'application/xml', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  ico: 'image/x-icon', webp: 'image/webp', woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', pdf: 'application/pdf', wasm: 'application/wasm', map: 'application/json', csv: 'text/csv' };
function mimeOf(file) { return MIME[path.extname(file).slice(1).toLowerCase()] || 'application/octet-stream'; }
function withCharset(type) { return /^text\/|^application\/(javascript|json)/.test(type) && !/charset=/.test(type) ? type + '; charset=utf-8' : type; }
function typeFor(t) { return t.includes('/') ? t : MIME[t.replace(/^\./, '')] || 'application/octet-stream'; }
function httpDateOf(ms) { return new Date(ms).toUTCString(); }
function parseQuery(url) {
  const i = url.indexOf('?');
  if (i < 0) return {};
  return extended(url.slice(i + 1));
}
function extended(text) {
  const out = {};
  for (const [k, v] of Object.entries(qs.parse(text))) {
    const parts = k.replace(/\]/g, '').split('[');
    let o = out;
    for (let i = 0; i < parts.length - 1; i++) { if (typeof o[parts[i]] !== 'object') o[parts[i]] = {}; o = o[parts[i]]; }
    o[parts[parts.length - 1]] = v;
  }
  return out;
}

function decorate(app, req, res) {
  req.res = res; res.req = req; res.locals = res.locals || {};
  req.query = parseQuery(req.url);
  req.params = req.params || {};
  req.baseUrl = '';
  Object.defineProperty(req, 'path', { get: () => (req.url.split('?')[0]) || '/', configurable: true });
  req.get = req.header = (name) => { const k = String(name).toLowerCase(); return k === 'referer' || k === 'referrer' ? req.headers.referer || req.headers.referrer : req.headers[k]; };
  req.protocol = 'http'; req.secure = false; req.ip = '::ffff:172.17.0.1'; req.ips = [];
  req.hostname = String(req.headers.host || '').replace(/:\d+$/, '');
  req.xhr = String(req.headers['x-requested-with'] || '').toLowerCase() === 'xmlhttprequest';
  req.is = (...types) => { const t = String(req.headers['content-type'] || '').split(';')[0]; if (!t) return null; const hit = types.flat().find((x) => t === typeFor(x) || (x.endsWith('/*') && t.startsWith(x.slice(0, -1)))); return hit || false; };
  req.accepts = (...types) => { const a = String(req.headers.accept || '*/*'); types = types.flat(); if (types.length === 0) return a.split(',').map((x) => x.split(';')[0].trim()); return types.find((t) => a.includes('*/*') || a.includes(typeFor(t)) || a.includes(typeFor(t).split('/')[0] + '/*')) || false; };
  req.fresh = false; req.stale = true;

  res.status = (code) => { res.statusCode = code; return res; };
  res.set = res.header = (k, v) => {
    if (typeof k === 'object') { for (const key of Object.keys(k)) res.set(key, k[key]); return res; }
    let value = Array.isArray(v) ? v.map(String) : String(v);
    if (String(k).toLowerCase() === 'content-type' && typeof value === 'string') value = withCharset(typeFor(value));
    res.setHeader(k, value);
    return res;
  };
  res.get = (k) => res.getHeader(k);
  res.type = res.contentType = (t) => res.set('Content-Type', t);
  res.append = (k, v) => { const old = res.getHeader(k); res.setHeader(k, old === undefined ? v : [].concat(old, v)); return res; };
  res.location = (url) => res.set('Location', url === 'back' ? req.get('referrer') || '/' : encodeURI(url).replace(/%25([0-9A-F]{2})/gi, '%$1'));
  res.vary = (f) => res.append('Vary', f);
  res.links = () => res;
  res.cookie = (name, value, o) => { o = o || {}; let c = name + '=' + encodeURIComponent(typeof value === 'object' ? 'j:' + JSON.stringify(value) : String(value)); if (o.maxAge) c += '; Max-Age=' + Math.floor(o.maxAge / 1000); c += '; Path=' + (o.path || '/'); if (o.httpOnly) c += '; HttpOnly'; if (o.secure) c += '; Secure'; if (o.sameSite) c += '; SameSite=' + (o.sameSite === true ? 'Strict' : o.sameSite[0].toUpperCase() + o.sameSite.slice(1)); return res.append('Set-Cookie', c); };
  res.clearCookie = (name, o) => res.cookie(name, '', Object.assign({}, o, { maxAge: undefined })).append('Set-Cookie', []);
  res.send = (body) => {
    let chunk = body;
    if (typeof chunk === 'number') { res.statusCode = chunk; chunk = STATUS[chunk] || String(chunk); }
    if (chunk === null || chunk === undefined) chunk = '';
    else if (typeof chunk === 'boolean' || typeof chunk === 'number' || (typeof chunk === 'object' && !chunk._isBuffer)) return res.json(chunk);
    if (typeof chunk === 'string') { if (!res.get('Content-Type')) res.set('Content-Type', 'html'); }
    else if (!res.get('Content-Type')) res.set('Content-Type', 'application/octet-stream');
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (res.statusCode === 204 || res.statusCode === 304) { res.removeHeader('Content-Type'); res.removeHeader('Content-Length'); res.removeHeader('Transfer-Encoding'); res.end(); return res; }
    res.setHeader('Content-Length', buf.length);
    if (!res.get('ETag') && buf.length > 0) res.setHeader('ETag', 'W/"' + buf.length.toString(16) + '-' + weakHash(buf) + '"');
    res.end(req.method === 'HEAD' ? undefined : buf);
    return res;
  };
  res.json = (obj) => {
    const body = JSON.stringify(obj, app.settings['json replacer'], app.settings['json spaces']);
    if (!res.get('Content-Type')) res.set('Content-Type', 'application/json');
    return res.send(body === undefined ? '' : body);
  };
  res.jsonp = res.json;
  res.sendStatus = (code) => { res.statusCode = code; res.type('txt'); return res.send(STATUS[code] || String(code)); };
  res.redirect = (a, b) => {
    let status = 302, url = a;
    if (typeof a === 'number') { status = a; url = b; } else if (typeof b === 'number') { status = b; }
    res.location(url);
    const address = res.get('Location');
    const accept = String(req.headers.accept || '*/*');
    let body;
    if (accept.includes('text/plain') || accept.includes('*/*') && !accept.includes('text/html')) { body = STATUS[status] + '. Redirecting to ' + address; res.set('Content-Type', 'text/plain'); }
    else if (accept.includes('text/html')) { body = '<p>' + STATUS[status] + '. Redirecting to ' + escapeHtml(address) + '</p>'; res.set('Content-Type', 'text/html'); }
    else body = '';
    res.statusCode = status;
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  res.sendFile = (file, opts, cb) => {
    if (typeof opts === 'function') { cb = opts; opts = {}; }
    opts = opts || {};
    if (!opts.root && !path.isAbsolute(file)) throw new TypeError('path must be absolute or specify root to res.sendFile');
    const full = opts.root ? path.join(path.resolve(opts.root), file) : file;
    const fail = (err) => { if (cb) cb(err); else if (req.next) req.next(err); else throw err; };
    let st;
    try { st = fs.statSync(full); } catch (e) { e.status = e.statusCode = 404; e.expose = false; return fail(e); }
    if (st.isDirectory()) { const e = new Error('EISDIR, read'); e.code = 'EISDIR'; e.status = 404; return fail(e); }
    sendStat(req, res, full, st, opts.headers);
    if (cb) S.nextTick(() => cb());
  };
  res.download = (file, name, cb) => { res.set('Content-Disposition', 'attachment; filename="' + (typeof name === 'string' ? name : path.basename(file)) + '"'); res.sendFile(path.resolve(file), typeof name === 'function' ? name : cb); };
  res.attachment = (file) => { res.set('Content-Disposition', file ? 'attachment; filename="' + path.basename(file) + '"' : 'attachment'); if (file) res.type(path.extname(file)); return res; };
  res.format = (map) => { const key = Object.keys(map).find((k) => k !== 'default' && req.accepts(k)); if (key) { res.set('Content-Type', key); map[key](req, res); } else if (map.default) map.default(req, res); else { const e = new Error('Not Acceptable'); e.status = 406; req.next && req.next(e); } return res; };
  res.render = (view, o, cb) => app.render(view, o, cb || ((e) => req.next && req.next(e)));
}
function escapeHtml(s) { return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]); }
function weakHash(buf) {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < buf.length; i++) { h1 = Math.imul(h1 ^ buf[i], 16777619) >>> 0; h2 = Math.imul(h2 + buf[i], 2246822507) >>> 0; }
  return Buffer.from([h1 >>> 24, h1 >>> 16, h1 >>> 8, h1, h2 >>> 24, h2 >>> 16, h2 >>> 8, h2].map((x) => x & 255)).toString('base64').replace(/=+$/, '');
}
function sendStat(req, res, file, st, headers) {
  const data = fs.readFileSync(file);
  if (!res.get('Accept-Ranges')) res.setHeader('Accept-Ranges', 'bytes');
  if (!res.get('Cache-Control')) res.setHeader('Cache-Control', 'public, max-age=0');
  if (!res.get('Last-Modified')) res.setHeader('Last-Modified', httpDateOf(st.mtimeMs));
  if (!res.get('ETag')) res.setHeader('ETag', 'W/"' + st.size.toString(16) + '-' + Math.floor(st.mtimeMs).toString(16) + '"');
  if (!res.get('Content-Type')) res.setHeader('Content-Type', withCharset(mimeOf(file)).replace('charset=utf-8', 'charset=UTF-8'));
  if (headers) for (const k of Object.keys(headers)) res.setHeader(k, headers[k]);
  res.setHeader('Content-Length', data.length);
  res.end(req.method === 'HEAD' ? undefined : data);
}
function serveStatic(root, opts) {
  opts = opts || {};
  if (!root) throw new TypeError('root path required');
  const index = opts.index === false ? null : opts.index || 'index.html';
  return function serveStatic(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return opts.fallthrough === false ? next(Object.assign(new Error('Method Not Allowed'), { status: 405 })) : next();
    let p;
    try { p = decodeURIComponent(req.path); } catch (e) { return next(); }
    const base = path.resolve(root);
    const file = path.join(base, p);
    if (!file.startsWith(base)) return next();
    let st;
    try { st = fs.statSync(file); } catch (e) { return next(); }
    if (st.isDirectory()) {
      if (!p.endsWith('/')) {
        if (opts.redirect === false) return next();
        const loc = (req.originalUrl.split('?')[0]) + '/';
        const body = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Redirecting</title>\n</head>\n<body>\n<pre>Redirecting to ' + escapeHtml(loc) + '</pre>\n</body>\n</html>\n';
        res.statusCode = 301;
        res.setHeader('Content-Type', 'text/html; charset=UTF-8');
        res.setHeader('Content-Length', Buffer.byteLength(body));
        res.setHeader('Content-Security-Policy', "default-src 'none'");
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Location', loc);
        return res.end(body);
      }
      if (!index) return next();
      const idx = path.join(file, index);
      let ist;
      try { ist = fs.statSync(idx); } catch (e) { return next(); }
      return sendStat(req, res, idx, ist, null);
    }
    sendStat(req, res, file, st, null);
  };
}
module.exports = { decorate, serveStatic, STATUS };
`;
