/**
 * `http` for the sandbox: createServer/listen on a container port through the
 * host, IncomingMessage with a body that flows once read, ServerResponse that
 * hands the whole response back to the engine on end(). Default headers
 * follow Node's (Date, Connection, Keep-Alive, Content-Length or chunked).
 * A CommonJS module body.
 */
export const HTTP_JS = String.raw`
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const STATUS_CODES = { 100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 418: "I'm a Teapot", 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => String(n).padStart(2, '0');
function httpDate(d) { return DAYS[d.getUTCDay()] + ', ' + p2(d.getUTCDate()) + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear() + ' ' + p2(d.getUTCHours()) + ':' + p2(d.getUTCMinutes()) + ':' + p2(d.getUTCSeconds()) + ' GMT'; }

class IncomingMessage extends EventEmitter {
  constructor(method, url, headers, body) {
    super();
    this.method = method; this.url = url; this.headers = headers; this.httpVersion = '1.1'; this.httpVersionMajor = 1; this.httpVersionMinor = 1;
    this.rawHeaders = Object.keys(headers).reduce((a, k) => a.concat(k, headers[k]), []);
    this.socket = this.connection = { remoteAddress: '172.17.0.1', remotePort: 54321, localPort: 0, encrypted: false };
    this.complete = false; this.readable = true; this.aborted = false;
    this._slipwayBody = body; this._flowing = false; this._encoding = null;
    this.on('newListener', (name) => { if (name === 'data' || name === 'end' || name === 'readable') S.nextTick(() => this.resume()); });
  }
  setEncoding(e) { this._encoding = e; return this; }
  resume() {
    if (this._flowing) return this;
    this._flowing = true;
    S.nextTick(() => {
      if (this._slipwayBody.length > 0) this.emit('data', this._encoding ? this._slipwayBody.toString(this._encoding) : this._slipwayBody);
      this.complete = true; this.readable = false;
      this.emit('end'); this.emit('close');
    });
    return this;
  }
  pause() { return this; }
  read() { return null; }
  pipe(dest) { this.on('data', (c) => dest.write(c)); this.on('end', () => dest.end()); return dest; }
  setTimeout() { return this; }
  async *[Symbol.asyncIterator]() { if (this._slipwayBody.length > 0) yield this._slipwayBody; this.complete = true; }
}

class ServerResponse extends EventEmitter {
  constructor(req, reqId) {
    super();
    this.req = req; this._id = reqId; this.statusCode = 200; this.statusMessage = undefined; this._headers = Object.create(null);
    this._chunks = []; this.headersSent = false; this.finished = false; this.writableEnded = false; this.writableFinished = false; this.sendDate = true;
    this._wrote = false;
  }
  setHeader(k, v) { if (this.headersSent) { const e = new Error('Cannot set headers after they are sent to the client'); e.code = 'ERR_HTTP_HEADERS_SENT'; throw e; } this._headers[String(k).toLowerCase()] = [String(k), v]; return this; }
  getHeader(k) { const h = this._headers[String(k).toLowerCase()]; return h ? h[1] : undefined; }
  getHeaders() { const o = Object.create(null); for (const k in this._headers) o[k] = this._headers[k][1]; return o; }
  getHeaderNames() { return Object.keys(this._headers); }
  hasHeader(k) { return String(k).toLowerCase() in this._headers; }
  removeHeader(k) { delete this._headers[String(k).toLowerCase()]; }
  appendHeader(k, v) { const old = this.getHeader(k); this.setHeader(k, old === undefined ? v : [].concat(old, v)); return this; }
  writeHead(status, msg, headers) {
    if (typeof msg === 'object' && msg !== null) { headers = msg; msg = undefined; }
    this.statusCode = status;
    if (msg) this.statusMessage = msg;
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
    this.headersSent = true;
    return this;
  }
  flushHeaders() { this.headersSent = true; }
  setTimeout() { return this; }
  write(chunk, enc, cb) {
    if (this.writableEnded) { const e = new Error('write after end'); e.code = 'ERR_STREAM_WRITE_AFTER_END'; S.nextTick(() => this.emit('error', e)); return false; }
    if (chunk !== undefined && chunk !== null && chunk !== '') { this._chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? enc : 'utf8') : Buffer.from(chunk)); this._wrote = true; }
    this.headersSent = true;
    const done = typeof enc === 'function' ? enc : cb;
    if (done) S.nextTick(done);
    return true;
  }
  end(chunk, enc, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (typeof enc === 'function') { cb = enc; enc = undefined; }
    if (this.writableEnded) return this;
    const chunked = this._wrote && !this.hasHeader('content-length');
    if (chunk !== undefined && chunk !== null && chunk !== '') this._chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, enc || 'utf8') : Buffer.from(chunk));
    this.writableEnded = this.finished = true; this.headersSent = true;
    const body = Buffer.concat(this._chunks);
    const out = {};
    for (const k in this._headers) { const v = this._headers[k][1]; out[k] = Array.isArray(v) ? v.join(k === 'set-cookie' ? '\n' : ', ') : String(v); }
    if (this.sendDate && !('date' in out)) out.date = httpDate(new Date());
    if (!('connection' in out)) { out.connection = 'keep-alive'; out['keep-alive'] = 'timeout=5'; }
    const noBody = this.statusCode === 204 || this.statusCode === 304;
    if (!noBody && !('content-length' in out) && !('transfer-encoding' in out)) { if (chunked) out['transfer-encoding'] = 'chunked'; else out['content-length'] = String(body.length); }
    const send = this.req.method === 'HEAD' || noBody ? Buffer.alloc(0) : body;
    host.respond(this._id, this.statusCode, this.statusMessage || STATUS_CODES[this.statusCode] || 'unknown', JSON.stringify(out), send.buffer.slice(send.byteOffset, send.byteOffset + send.length));
    S.nextTick(() => { this.writableFinished = true; this.emit('finish'); this.emit('close'); if (cb) cb(); });
    return this;
  }
}

let nextServer = 1;
const servers = Object.create(null);
class Server extends EventEmitter {
  constructor(opts, handler) {
    super();
    if (typeof opts === 'function') handler = opts;
    if (handler) this.on('request', handler);
    this._id = nextServer++; this.listening = false; this._port = null;
    this.timeout = 0; this.keepAliveTimeout = 5000; this.headersTimeout = 60000; this.requestTimeout = 300000;
  }
  listen(...args) {
    let port = 0, cb = null;
    if (typeof args[args.length - 1] === 'function') cb = args.pop();
    if (args[0] && typeof args[0] === 'object') port = args[0].port || 0; else if (args.length) port = args[0];
    port = Number(port) || 0;
    if (cb) this.once('listening', cb);
    const r = host.listen(port, this._id);
    if (r) {
      const e = new Error('listen ' + r + ': address already in use :::' + port);
      Object.assign(e, { code: r, errno: -98, syscall: 'listen', address: '::', port });
      S.nextTick(() => this.emit('error', e));
      return this;
    }
    this._port = port; this.listening = true; servers[this._id] = this;
    S.nextTick(() => this.emit('listening'));
    return this;
  }
  address() { return this.listening ? { address: '::', family: 'IPv6', port: this._port } : null; }
  close(cb) {
    if (this.listening) { host.unlisten(this._id); this.listening = false; delete servers[this._id]; S.nextTick(() => { this.emit('close'); if (cb) cb(); }); }
    else if (cb) { const e = new Error('Server is not running.'); e.code = 'ERR_SERVER_NOT_RUNNING'; S.nextTick(() => cb(e)); }
    return this;
  }
  closeAllConnections() {} closeIdleConnections() {}
  setTimeout() { return this; }
  ref() { return this; } unref() { return this; }
}
S.httpDispatch = (serverId, reqId, method, url, headersJson, bodyAb) => {
  const server = servers[serverId];
  const req = new IncomingMessage(method, url, JSON.parse(headersJson), Buffer.from(bodyAb));
  const res = new ServerResponse(req, reqId);
  if (!server) { res.statusCode = 503; res.end(); return; }
  server.emit('request', req, res);
};
// The client side rides on the sandbox's fetch, so it reaches what fetch reaches (the container's loopback).
class ClientRequest extends EventEmitter {
  constructor(o, cb) {
    super();
    this.method = String(o.method || 'GET').toUpperCase(); this.path = o.path || '/';
    this.host = o.hostname || String(o.host || 'localhost').replace(/:\d+$/, ''); this.port = Number(o.port || 80);
    this._headers = Object.create(null); this._chunks = []; this.finished = false;
    for (const k of Object.keys(o.headers || {})) this.setHeader(k, o.headers[k]);
    if (cb) this.once('response', cb);
  }
  setHeader(k, v) { this._headers[String(k).toLowerCase()] = String(v); }
  getHeader(k) { return this._headers[String(k).toLowerCase()]; }
  removeHeader(k) { delete this._headers[String(k).toLowerCase()]; }
  setTimeout() { return this; }
  write(chunk) { this._chunks.push(Buffer.from(chunk)); return true; }
  abort() { this.destroyed = true; }
  destroy(e) { this.destroyed = true; if (e) S.nextTick(() => this.emit('error', e)); return this; }
  end(chunk, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk);
    this.finished = true;
    const body = this._chunks.length ? Buffer.concat(this._chunks) : undefined;
    fetch('http://' + this.host + ':' + this.port + this.path, { method: this.method, headers: this._headers, body }).then(async (r) => {
      if (this.destroyed) return;
      const headers = {};
      r.headers.forEach((v, k) => { headers[k] = v; });
      const res = new IncomingMessage(this.method, this.path, headers, Buffer.from(await r.arrayBuffer()));
      res.statusCode = r.status; res.statusMessage = r.statusText;
      this.emit('response', res);
    }, (e) => { if (!this.destroyed) this.emit('error', e.cause || e); });
    if (cb) S.nextTick(cb);
    return this;
  }
}
function request(input, opts, cb) {
  let o;
  if (typeof input === 'string' || input instanceof URL) {
    const u = new URL(String(input));
    o = { hostname: u.hostname, port: u.port || 80, path: u.pathname + u.search };
    if (typeof opts === 'function') cb = opts; else Object.assign(o, opts || {});
  } else { o = Object.assign({}, input); cb = opts; }
  return new ClientRequest(o, cb);
}
function get(input, opts, cb) { const r = request(input, opts, cb); r.end(); return r; }
module.exports = { createServer: (o, h) => new Server(o, h), Server, IncomingMessage, ServerResponse, ClientRequest, STATUS_CODES, METHODS,
  request, get, Agent: class Agent {}, globalAgent: {}, maxHeaderSize: 16384 };
`;
