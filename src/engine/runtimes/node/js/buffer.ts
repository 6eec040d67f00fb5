/**
 * `buffer` for the sandbox: a Uint8Array subclass with the Buffer methods
 * course code uses (from/alloc/concat/toString in utf8, hex, base64), plus the
 * TextEncoder/TextDecoder globals QuickJS lacks. UTF-8 conversion is done by
 * the host. A CommonJS module body.
 */
export const BUFFER_JS = String.raw`
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function toBytes(ab) { return new Uint8Array(ab); }
function utf8(str) { return toBytes(host.utf8Encode(String(str))); }
function fromUtf8(u8) { return host.utf8Decode(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength)); }

class Buffer extends Uint8Array {
  static from(v, enc) {
    if (typeof v === 'string') {
      enc = (enc || 'utf8').toLowerCase();
      if (enc === 'hex') { const b = Buffer.alloc(v.length >> 1); for (let i = 0; i < b.length; i++) b[i] = parseInt(v.substr(i * 2, 2), 16); return b; }
      if (enc === 'base64' || enc === 'base64url') {
        const s = v.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
        const out = [];
        for (let i = 0; i < s.length; i += 4) {
          const n = [0, 1, 2, 3].map((k) => (i + k < s.length ? B64.indexOf(s[i + k]) : -1));
          out.push((n[0] << 2) | (n[1] >> 4));
          if (n[2] >= 0) out.push(((n[1] & 15) << 4) | (n[2] >> 2));
          if (n[3] >= 0) out.push(((n[2] & 3) << 6) | n[3]);
        }
        return Buffer.from(out);
      }
      if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') { const b = Buffer.alloc(v.length); for (let i = 0; i < v.length; i++) b[i] = v.charCodeAt(i) & 255; return b; }
      const u = utf8(v);
      return new Buffer(u.buffer, 0, u.length);
    }
    if (v instanceof ArrayBuffer) return new Buffer(v, enc || 0);
    if (ArrayBuffer.isView(v) || Array.isArray(v)) { const b = Buffer.alloc(v.length); b.set(v); return b; }
    if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data);
    throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.');
  }
  static alloc(n, fill) { const b = new Buffer(n); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
  static allocUnsafe(n) { return new Buffer(n); }
  static isBuffer(b) { return b instanceof Buffer; }
  static isEncoding(e) { return ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'binary'].includes(String(e).toLowerCase()); }
  static byteLength(s, enc) { return typeof s === 'string' ? Buffer.from(s, enc).length : s.byteLength; }
  static concat(list, total) {
    if (total === undefined) total = list.reduce((n, b) => n + b.length, 0);
    const out = Buffer.alloc(total);
    let off = 0;
    for (const b of list) { if (off >= total) break; out.set(b.subarray(0, total - off), off); off += b.length; }
    return out;
  }
  get _isBuffer() { return true; }
  toString(enc, start, end) {
    const u = this.subarray(start || 0, end === undefined ? this.length : end);
    enc = (enc || 'utf8').toLowerCase();
    if (enc === 'hex') return Array.from(u, (x) => x.toString(16).padStart(2, '0')).join('');
    if (enc === 'base64' || enc === 'base64url') {
      let out = '';
      for (let i = 0; i < u.length; i += 3) {
        const n = (u[i] << 16) | ((u[i + 1] || 0) << 8) | (u[i + 2] || 0);
        out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < u.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < u.length ? B64[n & 63] : '=');
      }
      return enc === 'base64url' ? out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : out;
    }
    if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') return Array.from(u, (x) => String.fromCharCode(x)).join('');
    return fromUtf8(u);
  }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  equals(o) { return this.length === o.length && this.every((x, i) => x === o[i]); }
  slice(s, e) { return this.subarray(s, e); }
  subarray(s, e) { const u = Uint8Array.prototype.subarray.call(this, s, e); return new Buffer(u.buffer, u.byteOffset, u.length); }
  write(str, off) { const b = Buffer.from(str); this.set(b.subarray(0, this.length - (off || 0)), off || 0); return Math.min(b.length, this.length - (off || 0)); }
  copy(target, ts, ss, se) { const part = this.subarray(ss || 0, se === undefined ? this.length : se); target.set(part, ts || 0); return part.length; }
  readUInt8(o) { return this[o || 0]; }
  includes(v) { return typeof v === 'string' ? this.toString().includes(v) : Uint8Array.prototype.includes.call(this, v); }
}
Buffer.poolSize = 8192;
class TextEncoder { get encoding() { return 'utf-8'; } encode(s) { return utf8(s === undefined ? '' : s); } }
class TextDecoder { get encoding() { return 'utf-8'; } decode(u) { if (!u) return ''; return fromUtf8(u instanceof ArrayBuffer ? new Uint8Array(u) : new Uint8Array(u.buffer, u.byteOffset, u.byteLength)); } }
globalThis.TextEncoder = TextEncoder;
globalThis.TextDecoder = TextDecoder;
globalThis.atob = (s) => Buffer.from(s, 'base64').toString('latin1');
globalThis.btoa = (s) => Buffer.from(String(s), 'latin1').toString('base64');
module.exports = { Buffer, constants: { MAX_LENGTH: 4294967296 }, kMaxLength: 4294967296 };
`;
