/** Small builtin modules for the sandbox: os, timers, assert, crypto, stream, string_decoder, child_process. */
export const OS_JS = String.raw`
const info = JSON.parse(host.info());
module.exports = {
  EOL: '\n', devNull: '/dev/null', constants: { signals: { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 } },
  hostname: () => info.hostname, platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', machine: () => 'x86_64',
  release: () => '6.10.14-linuxkit', version: () => '#1 SMP PREEMPT_DYNAMIC', endianness: () => 'LE',
  homedir: () => info.env.HOME || '/root', tmpdir: () => '/tmp', uptime: () => Math.floor((Date.now() - info.started) / 1000) + 3600,
  totalmem: () => 8222588928, freemem: () => 6122588928, availableParallelism: () => 2, loadavg: () => [0, 0, 0],
  cpus: () => [0, 1].map(() => ({ model: 'Virtual CPU', speed: 2400, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
  networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }], eth0: [{ address: '172.17.0.2', netmask: '255.255.0.0', family: 'IPv4', mac: '02:42:ac:11:00:02', internal: false, cidr: '172.17.0.2/16' }] }),
  userInfo: () => ({ uid: info.uid, gid: info.uid, username: info.uid === 0 ? 'root' : 'node', homedir: info.env.HOME || '/root', shell: '/bin/sh' }),
};
`;

export const TIMERS_JS = String.raw`
module.exports = { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate,
  promises: { setTimeout: (ms, v) => new Promise((r) => setTimeout(() => r(v), ms)), setImmediate: (v) => new Promise((r) => setImmediate(() => r(v))) } };
`;

export const ASSERT_JS = String.raw`
const util = require('util');
class AssertionError extends Error {
  constructor(o) { super(o.message); this.name = 'AssertionError'; this.code = 'ERR_ASSERTION'; this.actual = o.actual; this.expected = o.expected; this.operator = o.operator; this.generatedMessage = !o.userMessage; }
}
function fail(actual, expected, message, operator, dflt) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message: message || dflt, actual, expected, operator, userMessage: !!message });
}
function assert(v, m) { if (!v) fail(v, true, m, '==', 'The expression evaluated to a falsy value:\n\n  assert(' + util.inspect(v) + ')\n'); }
assert.ok = assert;
assert.equal = (a, b, m) => { if (a != b) fail(a, b, m, '==', util.inspect(a) + ' == ' + util.inspect(b)); };
assert.notEqual = (a, b, m) => { if (a == b) fail(a, b, m, '!=', util.inspect(a) + ' != ' + util.inspect(b)); };
assert.strictEqual = (a, b, m) => { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', 'Expected values to be strictly equal:\n\n' + util.inspect(a) + ' !== ' + util.inspect(b) + '\n'); };
assert.notStrictEqual = (a, b, m) => { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + util.inspect(b)); };
assert.deepStrictEqual = (a, b, m) => { if (!util.isDeepStrictEqual(a, b)) fail(a, b, m, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + util.inspect(a) + '\n\nshould equal\n\n' + util.inspect(b)); };
assert.deepEqual = assert.deepStrictEqual;
assert.throws = (fn, exp, m) => { try { fn(); } catch (e) { return; } fail(undefined, exp, m, 'throws', 'Missing expected exception.'); };
assert.rejects = async (p, exp, m) => { try { await (typeof p === 'function' ? p() : p); } catch (e) { return; } fail(undefined, exp, m, 'rejects', 'Missing expected rejection.'); };
assert.fail = (m) => fail(undefined, undefined, m || 'Failed', 'fail', 'Failed');
assert.match = (s, re, m) => { if (!re.test(s)) fail(s, re, m, 'match', 'The input did not match the regular expression ' + re + '. Input:\n\n' + util.inspect(s) + '\n'); };
assert.AssertionError = AssertionError;
assert.strict = assert;
module.exports = assert;
`;

export const CRYPTO_JS = String.raw`
const { Buffer } = require('buffer');
function randomBytes(n, cb) { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = Math.floor(Math.random() * 256); if (cb) { S.nextTick(() => cb(null, b)); return; } return b; }
function randomUUID() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}
function randomInt(min, max) { if (max === undefined) { max = min; min = 0; } return min + Math.floor(Math.random() * (max - min)); }
function unsupported(name) { return () => { throw new Error('Slipway: crypto.' + name + ' is not available in this simulated Node runtime'); }; }
module.exports = { randomBytes, randomUUID, randomInt, getRandomValues: (a) => { for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 256); return a; },
  createHash: unsupported('createHash'), createHmac: unsupported('createHmac') };
globalThis.crypto = { randomUUID, getRandomValues: module.exports.getRandomValues };
`;

export const STREAM_JS = String.raw`
const EventEmitter = require('events');
class Stream extends EventEmitter { pipe(dest) { this.on('data', (c) => dest.write(c)); this.on('end', () => dest.end && dest.end()); return dest; } }
class Readable extends Stream {
  constructor(o) { super(); this._o = o || {}; this.readable = true; }
  push(c) { if (c === null) S.nextTick(() => this.emit('end')); else S.nextTick(() => this.emit('data', c)); return true; }
  resume() { return this; } pause() { return this; } setEncoding() { return this; }
  static from(iter) { const r = new Readable(); S.nextTick(async () => { for await (const c of iter) r.emit('data', c); r.emit('end'); }); return r; }
}
class Writable extends Stream {
  constructor(o) { super(); this._o = o || {}; this.writable = true; }
  write(c, enc, cb) { if (this._o.write) this._o.write.call(this, c, typeof enc === 'string' ? enc : 'utf8', typeof enc === 'function' ? enc : (cb || (() => undefined))); return true; }
  end(c) { if (c !== undefined && typeof c !== 'function') this.write(c); S.nextTick(() => this.emit('finish')); return this; }
}
class Transform extends Readable { write(c) { this.emit('data', c); return true; } end() { S.nextTick(() => this.emit('end')); } }
Stream.Stream = Stream; Stream.Readable = Readable; Stream.Writable = Writable; Stream.Transform = Transform; Stream.PassThrough = Transform; Stream.Duplex = Transform;
module.exports = Stream;
`;

export const STRING_DECODER_JS = String.raw`
class StringDecoder { constructor(enc) { this.enc = enc || 'utf8'; } write(b) { return typeof b === 'string' ? b : b.toString(this.enc); } end(b) { return b ? this.write(b) : ''; } }
module.exports = { StringDecoder };
`;

export const CHILD_PROCESS_JS = String.raw`
function unsupported(name) { return () => { throw new Error('Slipway: child_process.' + name + ' is not available in this simulated Node runtime'); }; }
module.exports = { spawn: unsupported('spawn'), exec: unsupported('exec'), execSync: unsupported('execSync'), fork: unsupported('fork'), execFile: unsupported('execFile'), spawnSync: unsupported('spawnSync') };
`;
