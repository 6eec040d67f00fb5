/**
 * Slipway's own express (4.x behaviour) and body-parser for the sandbox: the
 * parts course apps use. Loaded instead of the placeholder files the
 * simulated `npm install` writes into node_modules. CommonJS module bodies.
 */
import { EXPRESS_RESPONSE_JS } from './expressResponse.js';

export const BODY_PARSER_JS = String.raw`
const qs = require('querystring');
function typeOf(req) { return String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase(); }
function matches(req, type) {
  const t = typeOf(req);
  if (typeof type === 'function') return type(req);
  return [].concat(type).some((x) => x === t || (x.endsWith('/*') && t.startsWith(x.slice(0, -1))) || (x.startsWith('*/') && t.endsWith(x.slice(1))) || x === '*/*');
}
function setNested(out, key, value) {
  const parts = key.replace(/\]/g, '').split('[');
  let o = out;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i], nextIsIndex = parts[i + 1] === '' || /^\d+$/.test(parts[i + 1]);
    if (typeof o[p] !== 'object' || o[p] === null) o[p] = nextIsIndex ? [] : {};
    o = o[p];
  }
  const last = parts[parts.length - 1];
  if (last === '' && Array.isArray(o)) o.push(value); else if (last in o) o[last] = [].concat(o[last], value); else o[last] = value;
}
function parseExtended(text) {
  const out = {};
  for (const [k, v] of Object.entries(qs.parse(text))) for (const x of [].concat(v)) setNested(out, k, x);
  return out;
}
function httpError(status, message, type, extra) { const e = new Error(message); e.status = e.statusCode = status; e.expose = status < 500; e.type = type; Object.assign(e, extra || {}); return e; }
function reader(defaultType, parse) {
  return (options) => {
    options = options || {};
    const type = options.type || defaultType;
    return function parser(req, res, next) {
      if (req._body) return next();
      req.body = req.body || {};
      const method = req.method;
      if (method === 'GET' || method === 'HEAD' || !('content-length' in req.headers || 'transfer-encoding' in req.headers) || !matches(req, type)) return next();
      req._body = true;
      const chunks = [];
      req.on('data', (c) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
      req.on('end', () => {
        const buf = Buffer.concat(chunks);
        try { req.body = parse(buf, options, req); } catch (e) { return next(e.status ? e : httpError(400, e.message, 'entity.parse.failed', { body: buf.toString(), stack: e.stack })); }
        next();
      });
    };
  };
}
const json = reader('application/json', (buf, o) => {
  const text = buf.toString();
  if (text.trim() === '') return {};
  if (o.strict !== false && !/^\s*[\[{]/.test(text)) {
    const first = text.trim()[0];
    throw httpError(400, 'Unexpected token \'' + first + '\', "' + text.slice(0, 20) + '" is not valid JSON', 'entity.parse.failed', { body: text });
  }
  return JSON.parse(text, o.reviver);
});
const urlencoded = reader('application/x-www-form-urlencoded', (buf, o) => (o.extended === false ? Object.assign({}, qs.parse(buf.toString())) : parseExtended(buf.toString())));
const text = reader('text/plain', (buf) => buf.toString());
const raw = reader('application/octet-stream', (buf) => buf);
function bodyParser(o) { const j = json(o), u = urlencoded(o); return (req, res, next) => j(req, res, (e) => (e ? next(e) : u(req, res, next))); }
module.exports = Object.assign(bodyParser, { json, urlencoded, text, raw });
`;

export const EXPRESS_JS = String.raw`
const http = require('http');
const qs = require('querystring');
const bodyParser = require('slipway:body-parser');
const { decorate, serveStatic, STATUS } = (function () {
  const module = { exports: {} };
  (function (module, exports) {` + EXPRESS_RESPONSE_JS + String.raw`
  })(module, module.exports);
  return module.exports;
})();

function compile(path, end) {
  if (path instanceof RegExp) return { re: path, keys: [] };
  if (Array.isArray(path)) { const parts = path.map((p) => compile(p, end)); return { re: new RegExp(parts.map((p) => p.re.source).join('|'), 'i'), keys: parts[0] ? parts[0].keys : [] }; }
  const keys = [];
  let src = String(path).replace(/\/+$/, '');
  src = src.replace(/[.+^$\{\}()|[\]\\]/g, (c) => (c === '(' || c === ')' ? c : '\\' + c))
    .replace(/\/:(\w+)(\?)?/g, (_, name, opt) => { keys.push(name); return opt ? '(?:/([^/]+?))?' : '/([^/]+?)'; })
    .replace(/\*/g, () => { keys.push(keys.length); return '(.*)'; });
  return { re: new RegExp('^' + src + (end ? '/?$' : '(?=/|$)'), 'i'), keys };
}

function makeRouter(isApp) {
  const router = function (req, res, next) { router.handle(req, res, next); };
  router.stack = [];
  router.params = {};
  function add(method, path, fns, end) {
    fns = fns.flat(Infinity);
    for (const fn of fns) {
      if (typeof fn !== 'function') throw new TypeError('Route.' + (method || 'use').toLowerCase() + '() requires a callback function but got a ' + Object.prototype.toString.call(fn));
      router.stack.push({ method, path, fn, end, ...compile(path, end) });
    }
  }
  router.use = (...args) => {
    let path = '/';
    if (typeof args[0] === 'string' || args[0] instanceof RegExp || (Array.isArray(args[0]) && typeof args[0][0] === 'string')) path = args.shift();
    if (args.flat(Infinity).length === 0) throw new TypeError('app.use() requires a middleware function');
    for (const fn of args.flat(Infinity)) if (fn && fn._isApp) { fn.parent = router; fn.mountpath = path; }
    add(null, path, args, false);
    return router;
  };
  for (const m of ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all']) {
    router[m] = (path, ...fns) => {
      if (isApp && m === 'get' && fns.length === 0) return router.settings[path];
      add(m === 'all' ? '*' : m.toUpperCase(), path, fns, true);
      return router;
    };
  }
  router.del = router.delete;
  router.route = (path) => {
    const route = {};
    for (const m of ['get', 'post', 'put', 'delete', 'patch', 'all']) route[m] = (...fns) => { router[m](path, ...fns); return route; };
    return route;
  };
  router.param = (name, fn) => { router.params[name] = fn; return router; };
  router.handle = (req, res, out) => {
    let idx = 0;
    const parentUrl = req.url, parentBase = req.baseUrl || '';
    const done = (err) => { req.url = parentUrl; req.baseUrl = parentBase; if (out) out(err); else finalHandler(req, res, err); };
    function next(err) {
      if (err === 'route') err = undefined;
      if (err === 'router') return done();
      req.url = parentUrl; req.baseUrl = parentBase;
      const pathname = (parentUrl.split('?')[0]) || '/';
      while (idx < router.stack.length) {
        const layer = router.stack[idx++];
        if (layer.method && layer.method !== '*' && layer.method !== req.method && !(layer.method === 'GET' && req.method === 'HEAD')) continue;
        const m = layer.re.exec(pathname);
        if (!m) continue;
        const params = {};
        layer.keys.forEach((k, i) => { if (m[i + 1] !== undefined) { try { params[k] = decodeURIComponent(m[i + 1]); } catch (e) { params[k] = m[i + 1]; } } });
        if (layer.method) req.params = Object.assign({}, req.params && req.mergeParams ? req.params : {}, params);
        else {
          const mount = m[0];
          if (mount && mount !== '/') { req.baseUrl = parentBase + mount; req.url = parentUrl.slice(mount.length) || '/'; if (!req.url.startsWith('/')) req.url = '/' + req.url; }
        }
        const fn = layer.fn;
        const arity = fn._isApp || fn.handle ? 3 : fn.length;
        if (err ? arity !== 4 : arity === 4) continue;
        req.next = next;
        try {
          const r = err ? fn(err, req, res, next) : fn(req, res, next);
          if (r && typeof r.then === 'function') r.then(undefined, (e) => next(e || new Error('Rejected promise')));
        } catch (e) { next(e); }
        return;
      }
      done(err);
    }
    next();
  };
  return router;
}

function finalHandler(req, res, err) {
  if (res.headersSent) return;
  let status = 404, msg = 'Cannot ' + req.method + ' ' + escapeHtml(req.originalUrl.split('?')[0]);
  if (err) {
    status = err.status || err.statusCode || 500;
    if (status < 400 || status > 599) status = 500;
    const stack = stackOf(err);
    msg = escapeHtml(stack).replace(/\n/g, '<br>').replace(/ {2}/g, ' &nbsp;');
    console.error(stack);
  }
  const body = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>' + msg + '</pre>\n</body>\n</html>\n';
  for (const k of res.getHeaderNames()) if (k !== 'x-powered-by') res.removeHeader(k);
  res.statusCode = status;
  res.setHeader('Content-Security-Policy', "default-src 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}
// QuickJS keeps only the frames in err.stack; Node's starts with "Name: message".
function stackOf(err) {
  if (!(err instanceof Error)) return String(err);
  const head = err.name + (err.message ? ': ' + err.message : '');
  const stack = String(err.stack || '');
  return stack.startsWith(head) ? stack.replace(/\n$/, '') : (head + '\n' + stack).replace(/\n$/, '');
}
function escapeHtml(s) { return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]); }

function express() {
  const app = makeRouter(true);
  app._isApp = true;
  app.settings = { 'x-powered-by': true, env: process.env.NODE_ENV || 'development', 'query parser': 'extended' };
  app.locals = { settings: app.settings };
  app.mountpath = '/';
  app.set = function (k, v) { if (arguments.length === 1) return app.settings[k]; app.settings[k] = v; return app; };
  app.enable = (k) => app.set(k, true);
  app.disable = (k) => app.set(k, false);
  app.enabled = (k) => !!app.settings[k];
  app.disabled = (k) => !app.settings[k];
  app.engine = () => app;
  const routerHandle = app.handle;
  app.handle = (req, res, out) => {
    if (!req.originalUrl) { req.originalUrl = req.url; decorate(app, req, res); }
    req.app = app; res.app = app;
    if (app.settings['x-powered-by'] && !res.getHeader('X-Powered-By')) res.setHeader('X-Powered-By', 'Express');
    routerHandle(req, res, out);
  };
  app.listen = (...args) => { const server = http.createServer(app); return server.listen(...args); };
  app.render = (view, opts, cb) => { const e = new Error('No default engine was specified and no extension was provided.'); if (typeof opts === 'function') cb = opts; if (cb) cb(e); else throw e; };
  return app;
}
express.Router = (o) => { const r = makeRouter(false); r.mergeParams = !!(o && o.mergeParams); return r; };
express.static = serveStatic;
express.json = bodyParser.json;
express.urlencoded = bodyParser.urlencoded;
express.text = bodyParser.text;
express.raw = bodyParser.raw;
express.query = () => (req, res, next) => next();
express.application = {}; express.request = {}; express.response = {};
express.STATUS_CODES = STATUS;
module.exports = express;
`;
