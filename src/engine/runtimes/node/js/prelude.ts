/**
 * The sandbox's global scope, evaluated once per process before the user's
 * script: Date and Math.random bound to the engine's clock and ids, timers
 * and nextTick kept in queues the host event loop drives, `process`,
 * `console`. Everything the host calls back into hangs off `__slipway`; the
 * raw `__host` bindings are taken off the global object so scripts cannot
 * reach them.
 */
export const PRELUDE_JS = String.raw`
(function () {
  const host = globalThis.__host;
  delete globalThis.__host;
  const S = {};
  Object.defineProperty(globalThis, '__slipway', { value: S, enumerable: false, configurable: true, writable: false });
  S.host = host;

  // Pause points (instrument.ts, slicer.ts): a countdown, then a question to the host; true when
  // the slice is over, and the loop then awaits the promise __slipway_pause() returns.
  let countdown = 1;
  const tick = function __slipway_tick() {
    if (--countdown > 0) return false;
    const next = host.due();
    countdown = Math.abs(next);
    return next < 0;
  };
  const pause = function __slipway_pause() { return host.pause(); };
  for (const [name, value] of [['__slipway_tick', tick], ['__slipway_pause', pause]]) {
    Object.defineProperty(globalThis, name, { value, enumerable: false, configurable: false, writable: false });
  }
  // Code made async for its pauses: a throw ends the process as it would have synchronously.
  S.watch = (p) => { p.then(undefined, (e) => host.uncaught(e)); };
  const toAsync = function __slipway_async(fn) { return function (...args) { S.watch(fn.apply(this, args)); }; };
  Object.defineProperty(globalThis, '__slipway_async', { value: toAsync, enumerable: false, configurable: false, writable: false });

  // Time and randomness come from the engine, never from the wasm host.
  const RealDate = Date;
  function SDate(...a) {
    if (!new.target) return new RealDate(host.now()).toString();
    return a.length === 0 ? new RealDate(host.now()) : new RealDate(...a);
  }
  SDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SDate, writable: true, configurable: true });
  SDate.now = () => host.now();
  SDate.UTC = RealDate.UTC;
  SDate.parse = RealDate.parse;
  globalThis.Date = SDate;
  Math.random = () => host.random();
  const started = host.now();
  globalThis.performance = { now: () => host.now() - started, timeOrigin: started };

  // Builtin modules: CommonJS bodies registered by the host, instantiated on first require.
  const builtins = Object.create(null);
  const builtinCache = Object.create(null);
  // Bodies are compiled on first require: parsing all of them costs more than most scripts run.
  const builtinNames = JSON.parse(host.builtinNames());
  S.define = (name, fn) => { builtins[name] = fn; };
  S.isBuiltin = (name) => { const id = name.startsWith('node:') ? name.slice(5) : name; return id in builtins || builtinNames.includes(id); };
  S.builtin = (name) => {
    const id = name.startsWith('node:') ? name.slice(5) : name;
    if (id in builtinCache) return builtinCache[id].exports;
    if (!(id in builtins)) builtins[id] = host.loadBuiltin(id);
    const module = { exports: {}, id: id };
    builtinCache[id] = module;
    builtins[id].call(module.exports, module, module.exports, S.builtin, host, S);
    return module.exports;
  };

  // Timers: a list ordered by (deadline, sequence); the host sleeps the engine clock until the first.
  let seq = 1;
  const timers = [];
  class Timeout {
    constructor(fn, ms, args, repeat) {
      ms = Number(ms);
      if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
      this._id = seq++; this._fn = fn; this._ms = ms; this._args = args; this._repeat = repeat; this._ref = true; this._active = true;
      this._when = host.now() + ms; this._seq = this._id;
      timers.push(this);
    }
    ref() { this._ref = true; return this; }
    unref() { this._ref = false; return this; }
    hasRef() { return this._ref; }
    refresh() { this._when = host.now() + this._ms; this._seq = seq++; return this; }
    close() { clear(this); return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }
  function check(fn) {
    if (typeof fn !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (fn === undefined ? 'undefined' : S.builtin('util').inspect(fn)));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
  }
  function clear(t) {
    if (t == null) return;
    const i = timers.findIndex((x) => x === t || x._id === Number(t));
    if (i >= 0) { timers[i]._active = false; timers.splice(i, 1); }
  }
  globalThis.setTimeout = (fn, ms, ...args) => { check(fn); return new Timeout(fn, ms, args, false); };
  globalThis.setInterval = (fn, ms, ...args) => { check(fn); return new Timeout(fn, ms, args, true); };
  globalThis.clearTimeout = clear;
  globalThis.clearInterval = clear;
  const immediates = [];
  class Immediate {
    constructor(fn, args) { this._fn = fn; this._args = args; this._ref = true; }
    ref() { this._ref = true; return this; }
    unref() { this._ref = false; return this; }
    hasRef() { return this._ref; }
  }
  globalThis.setImmediate = (fn, ...args) => { check(fn); const im = new Immediate(fn, args); immediates.push(im); return im; };
  globalThis.clearImmediate = (im) => { const i = immediates.indexOf(im); if (i >= 0) immediates.splice(i, 1); };
  globalThis.queueMicrotask = (fn) => { check(fn); Promise.resolve().then(() => fn()); };
  globalThis.structuredClone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

  function sortTimers() { timers.sort((a, b) => a._when - b._when || a._seq - b._seq); }
  S.nextTimer = () => {
    sortTimers();
    const refd = timers.some((t) => t._ref) || immediates.some((i) => i._ref);
    if (immediates.length > 0) return refd ? 0 : -2;
    if (timers.length === 0) return -1;
    return refd ? timers[0]._when : -2 - timers[0]._when;
  };
  S.timerSeq = () => seq;
  S.runOneTimer = (now, limit) => {
    sortTimers();
    const t = timers.find((x) => x._seq < limit);
    if (!t || t._when > now + 1) return false;
    if (t._repeat) { t._when = now + t._ms; t._seq = seq++; } else { timers.splice(timers.indexOf(t), 1); t._active = false; }
    t._fn.apply(t, t._args);
    return true;
  };
  let phase = [];
  S.beginImmediates = () => { phase = immediates.splice(0); return phase.length; };
  S.runOneImmediate = () => { const im = phase.shift(); if (im) im._fn.apply(im, im._args); return !!im; };

  const ticks = [];
  S.nextTick = (fn, ...args) => { check(fn); ticks.push([fn, args]); };
  S.runTicks = () => { let n = 0; while (ticks.length) { const [fn, args] = ticks.shift(); fn(...args); n++; } return n; };

  S.write = (fd, text) => host.write(fd, String(text));

  // Node's err.stack starts with "Name: message"; QuickJS's holds only frames. Errors made by
  // script code (new Error, class X extends Error) get a stack getter that adds the header.
  const RAW_STACK = Symbol.for('slipway.rawStack');
  for (const name of ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']) {
    const Native = globalThis[name];
    const Wrapped = new Proxy(Native, {
      construct(target, args, newTarget) {
        const e = Reflect.construct(target, args, newTarget);
        const raw = e.stack;
        if (typeof raw === 'string') {
          Object.defineProperty(e, RAW_STACK, { value: raw, configurable: true });
          Object.defineProperty(e, 'stack', {
            get() { return S.builtin('util')._stackOf(this); },
            set(v) { Object.defineProperty(this, 'stack', { value: v, writable: true, configurable: true }); Object.defineProperty(this, RAW_STACK, { value: undefined, configurable: true }); },
            configurable: true,
          });
        }
        return e;
      },
      apply(target, self, args) { return Reflect.construct(Wrapped, args); },
    });
    Object.defineProperty(Native.prototype, 'constructor', { value: Wrapped, writable: true, configurable: true });
    Object.defineProperty(globalThis, name, { value: Wrapped, writable: true, configurable: true });
  }
  const ERRNO = { ENOENT: -2, EEXIST: -17, ENOTDIR: -20, EISDIR: -21, ENOTEMPTY: -39, EACCES: -13, EINVAL: -22, ELOOP: -40, EROFS: -30, EBADF: -9 };
  const TEXT = { ENOENT: 'no such file or directory', EEXIST: 'file already exists', ENOTDIR: 'not a directory', EISDIR: 'illegal operation on a directory', ENOTEMPTY: 'directory not empty', EACCES: 'permission denied', EINVAL: 'invalid argument', ELOOP: 'too many symbolic links encountered', EROFS: 'read-only file system', EBADF: 'bad file descriptor' };
  S.fsError = (r, p, dest) => {
    const e = new Error(r.e + ': ' + (TEXT[r.e] || r.e) + ', ' + r.s + " '" + p + "'" + (dest ? " -> '" + dest + "'" : ''));
    e.errno = ERRNO[r.e] || -1; e.code = r.e; e.syscall = r.s; e.path = p;
    if (dest) e.dest = dest;
    return e;
  };
})();
`;
