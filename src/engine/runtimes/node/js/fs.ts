/**
 * `fs` and `fs/promises` for the sandbox, on the container's root filesystem
 * through the host: the sync calls, their callback forms and promise forms,
 * with Node's error objects (`ENOENT: no such file or directory, open '…'`).
 * A CommonJS module body.
 */
export const FS_JS = String.raw`
const path = require('path');
const { Buffer } = require('buffer');
function abs(p) {
  if (p instanceof URL) p = p.pathname;
  if (p && p._isBuffer) p = p.toString();
  if (typeof p !== 'string') {
    const e = new TypeError('The "path" argument must be of type string or an instance of Buffer or URL. Received ' + require('util').inspect(p));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  return path.resolve(p);
}
function call(op, p, syscall, a, b) {
  const r = JSON.parse(host.fs(op, abs(p), syscall, a === undefined ? null : a, b === undefined ? null : b));
  if (r.e) throw S.fsError(r, p, op === 'rename' || op === 'copy' ? a : undefined);
  return r.v;
}
function encodingOf(o) { return typeof o === 'string' ? o : (o && o.encoding) || null; }

class Stats {
  constructor(s) {
    Object.assign(this, { dev: 2049, mode: s.mode | (s.kind === 'dir' ? 0o40000 : s.kind === 'symlink' ? 0o120000 : 0o100000), nlink: 1, uid: s.uid, gid: s.gid, rdev: 0, blksize: 4096, ino: 0, size: s.size, blocks: Math.ceil(s.size / 512),
      atimeMs: s.mtime, mtimeMs: s.mtime, ctimeMs: s.mtime, birthtimeMs: s.mtime, atime: new Date(s.mtime), mtime: new Date(s.mtime), ctime: new Date(s.mtime), birthtime: new Date(s.mtime) });
    Object.defineProperty(this, '_kind', { value: s.kind });
  }
  isFile() { return this._kind === 'file'; }
  isDirectory() { return this._kind === 'dir'; }
  isSymbolicLink() { return this._kind === 'symlink'; }
  isFIFO() { return false; } isSocket() { return false; } isBlockDevice() { return false; } isCharacterDevice() { return false; }
}
class Dirent {
  constructor(name, dir, kind) { this.name = name; this.parentPath = dir; this.path = dir; Object.defineProperty(this, '_kind', { value: kind }); }
  isFile() { return this._kind === 'file'; }
  isDirectory() { return this._kind === 'dir'; }
  isSymbolicLink() { return this._kind === 'symlink'; }
}

const fs = {
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2 },
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  Stats, Dirent,
  existsSync(p) { try { return call('stat', p, 'stat') !== null; } catch (e) { return false; } },
  statSync(p, o) { const s = call('stat', p, 'stat'); if (!s) { if (o && o.throwIfNoEntry === false) return undefined; throw S.fsError({ e: 'ENOENT', s: 'stat' }, p); } return new Stats(s); },
  lstatSync(p, o) { const s = call('lstat', p, 'lstat'); if (!s) { if (o && o.throwIfNoEntry === false) return undefined; throw S.fsError({ e: 'ENOENT', s: 'lstat' }, p); } return new Stats(s); },
  accessSync(p) { if (!call('stat', p, 'access')) throw S.fsError({ e: 'ENOENT', s: 'access' }, p); },
  readFileSync(p, o) {
    if (typeof p === 'number') p = p === 0 ? '/dev/stdin' : String(p);
    const enc = encodingOf(o);
    const ab = host.readBytes(abs(p));
    if (typeof ab === 'string') throw S.fsError(JSON.parse(ab), p);
    const b = Buffer.from(ab);
    return enc ? b.toString(enc) : b;
  },
  writeFileSync(p, data, o) {
    const flag = o && typeof o === 'object' && o.flag;
    const r = host.writeBytes(abs(p), toData(data, encodingOf(o)), flag === 'a' || flag === 'a+');
    if (r) throw S.fsError(JSON.parse(r), p);
  },
  appendFileSync(p, data, o) {
    const r = host.writeBytes(abs(p), toData(data, encodingOf(o)), true);
    if (r) throw S.fsError(JSON.parse(r), p);
  },
  readdirSync(p, o) {
    const names = call('readdir', p, 'scandir');
    if (o && o.withFileTypes) return names.map((n) => new Dirent(n, abs(p), (call('lstat', abs(p) + '/' + n, 'lstat') || {}).kind));
    return names;
  },
  mkdirSync(p, o) { const rec = !!(o && (o === true || o.recursive)); const existed = rec && fs.existsSync(p); call('mkdir', p, 'mkdir', rec); return rec && !existed ? abs(p) : undefined; },
  rmSync(p, o) { call('rm', p, 'rm', !!(o && o.recursive), !!(o && o.force)); },
  rmdirSync(p, o) { const s = call('stat', p, 'rmdir'); if (s && s.kind !== 'dir') throw S.fsError({ e: 'ENOTDIR', s: 'rmdir' }, p); call('rmdir', p, 'rmdir', !!(o && o.recursive)); },
  unlinkSync(p) { const s = call('lstat', p, 'unlink'); if (s && s.kind === 'dir') throw S.fsError({ e: 'EISDIR', s: 'unlink' }, p); call('rm', p, 'unlink', false, false); },
  renameSync(a, b) { call('rename', a, 'rename', abs(b)); },
  copyFileSync(a, b) { fs.writeFileSync(b, fs.readFileSync(a)); },
  cpSync(a, b) { fs.copyFileSync(a, b); },
  symlinkSync(t, p) { call('symlink', p, 'symlink', t); },
  readlinkSync(p) { return call('readlink', p, 'readlink'); },
  chmodSync(p, m) { call('chmod', p, 'chmod', typeof m === 'string' ? parseInt(m, 8) : m); },
  realpathSync(p) { return abs(p); },
  mkdtempSync(prefix) { const p = prefix + Math.random().toString(36).slice(2, 8); fs.mkdirSync(p); return p; },
  watch() { return new (require('events'))(); },
  createReadStream(p, o) {
    const s = new (require('events'))();
    const enc = encodingOf(o);
    s.pipe = (dest) => { s.on('data', (c) => dest.write(c)); s.on('end', () => dest.end && dest.end()); return dest; };
    S.nextTick(() => { try { const d = fs.readFileSync(p, enc); s.emit('open'); s.emit('data', d); s.emit('end'); s.emit('close'); } catch (e) { s.emit('error', e); } });
    return s;
  },
  createWriteStream(p, o) {
    const s = new (require('events'))();
    const append = o && o.flags === 'a';
    if (!append) fs.writeFileSync(p, '');
    s.write = (c) => { fs.appendFileSync(p, c); return true; };
    s.end = (c, cb) => { if (c !== undefined && typeof c !== 'function') s.write(c); S.nextTick(() => { s.emit('finish'); s.emit('close'); if (typeof c === 'function') c(); if (typeof cb === 'function') cb(); }); };
    return s;
  },
};
fs.realpathSync.native = fs.realpathSync;
function toData(data, enc) {
  if (typeof data === 'string') return enc && enc !== 'utf8' && enc !== 'utf-8' ? bufToAb(Buffer.from(data, enc)) : data;
  if (ArrayBuffer.isView(data)) return bufToAb(data);
  return String(data);
}
function bufToAb(u) { return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength); }

const promises = {};
const SYNC = ['access', 'readFile', 'writeFile', 'appendFile', 'readdir', 'mkdir', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'readlink', 'chmod', 'realpath', 'mkdtemp', 'stat', 'lstat'];
for (const name of SYNC) {
  const sync = fs[name + 'Sync'];
  fs[name] = function (...args) {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    let result, error = null;
    try { result = sync(...args); } catch (e) { error = e; }
    if (cb) S.nextTick(() => (name === 'exists' ? cb(result) : cb(error, result)));
  };
  promises[name] = (...args) => new Promise((resolve, reject) => { try { resolve(sync(...args)); } catch (e) { reject(e); } });
}
fs.exists = (p, cb) => S.nextTick(() => cb(fs.existsSync(p)));
promises.constants = fs.constants;
fs.promises = promises;
module.exports = fs;
`;
