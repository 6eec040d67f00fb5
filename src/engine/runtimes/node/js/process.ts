/**
 * `process`, `console` and `Buffer` globals for the sandbox. Evaluated after
 * the builtin module bodies are registered (process is an EventEmitter, console
 * formats with util). Signal listeners are forwarded to the host so that
 * `process.on('SIGTERM')` installs a real trap in the engine.
 */
export const PROCESS_JS = String.raw`
(function () {
  const S = globalThis.__slipway;
  const host = S.host;
  const EventEmitter = S.builtin('events');
  let utilModule = null;
  const util = { format: (...a) => (utilModule || (utilModule = S.builtin('util'))).format(...a), inspect: (...a) => (utilModule || (utilModule = S.builtin('util'))).inspect(...a) };
  const info = JSON.parse(host.info());

  const process = new EventEmitter();
  const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];
  process.on('newListener', (name) => { if (SIGNALS.includes(name) && process.listenerCount(name) === 0) host.signal(name, true); });
  process.on('removeListener', (name) => { if (SIGNALS.includes(name) && process.listenerCount(name) === 0) host.signal(name, false); });
  S.signal = (name) => process.emit(name, name);
  S.uncaughtException = (err) => {
    if (process.listenerCount('uncaughtException') === 0) return false;
    process.emit('uncaughtException', err, 'uncaughtException');
    return true;
  };

  let exitCode;
  let exiting = false;
  S.exitSentinel = { slipwayExit: true };
  Object.assign(process, {
    argv: info.argv, argv0: 'node', execArgv: [], execPath: '/usr/local/bin/node', env: info.env,
    platform: 'linux', arch: 'x64', pid: info.pid, ppid: 0, title: 'node',
    version: 'v' + info.version,
    versions: { node: info.version, acorn: '8.15.0', ada: '3.3.0', ares: '1.34.5', modules: '141', napi: '10', uv: '1.51.0', v8: '14.1.146.11-node.12', zlib: '1.3.1' },
    release: { name: 'node' },
    config: { variables: {} },
    features: {},
    cwd: () => info.cwd,
    chdir: (dir) => { info.cwd = S.builtin('path').resolve(info.cwd, String(dir)); },
    umask: () => 18,
    getuid: () => info.uid, geteuid: () => info.uid, getgid: () => info.uid, getegid: () => info.uid,
    uptime: () => (host.now() - info.started) / 1000,
    hrtime: Object.assign((prev) => {
      const ms = host.now() - info.started;
      let s = Math.floor(ms / 1000), ns = Math.round((ms % 1000) * 1e6);
      if (prev) { s -= prev[0]; ns -= prev[1]; if (ns < 0) { s--; ns += 1e9; } }
      return [s, ns];
    }, { bigint: () => BigInt(Math.round((host.now() - info.started) * 1e6)) }),
    memoryUsage: Object.assign(() => ({ rss: 45e6, heapTotal: 6e6, heapUsed: 4e6, external: 1e6, arrayBuffers: 1e4 }), { rss: () => 45e6 }),
    cpuUsage: () => ({ user: 0, system: 0 }),
    nextTick: S.nextTick,
    emitWarning: (w) => host.write(2, '(node:' + info.pid + ') ' + (w instanceof Error ? w.name + ': ' + w.message : 'Warning: ' + w) + '\n(Use ' + '\u0060node --trace-warnings ...\u0060 to show where the warning was created)\n'),
    kill: (pid, sig) => { if (pid === info.pid || pid === 0) S.signal(sig || 'SIGTERM'); return true; },
    abort: () => { host.exit(134); throw S.exitSentinel; },
    exit: (code) => {
      if (code !== undefined) exitCode = code;
      if (!exiting) { exiting = true; try { process.emit('exit', process.exitCode); } catch (e) { } }
      host.exit(exitCode === undefined ? 0 : Number(exitCode) | 0);
      throw S.exitSentinel;
    },
  });
  Object.defineProperty(process, 'exitCode', { get: () => exitCode, set: (v) => { exitCode = v; }, enumerable: true });
  S.finish = () => {
    if (!exiting) { exiting = true; process.emit('beforeExit', process.exitCode || 0); process.emit('exit', process.exitCode || 0); }
    return exitCode === undefined ? 0 : Number(exitCode) | 0;
  };
  S.exitCode = () => (exitCode === undefined ? 0 : Number(exitCode) | 0);

  function outStream(fd) {
    const s = new EventEmitter();
    Object.assign(s, {
      fd, isTTY: info.tty, columns: info.columns, rows: info.rows, writable: true,
      write(chunk, enc, cb) {
        host.write(fd, typeof chunk === 'string' ? chunk : (chunk && chunk._isBuffer ? chunk.toString() : String(chunk)));
        const done = typeof enc === 'function' ? enc : cb;
        if (typeof done === 'function') S.nextTick(done);
        return true;
      },
      end(chunk) { if (chunk !== undefined) s.write(chunk); },
      cork() {}, uncork() {}, getWindowSize: () => [info.columns, info.rows], hasColors: () => false, getColorDepth: () => 1,
    });
    return s;
  }
  process.stdout = outStream(1);
  process.stderr = outStream(2);

  // stdin flows once someone listens for data; the host keeps the process alive while it is referenced.
  const stdin = new EventEmitter();
  let encoding = null, flowing = false, ended = false;
  const pendingChunks = [];
  Object.assign(stdin, {
    fd: 0, isTTY: info.tty, readable: true, isRaw: false,
    setEncoding(enc) { encoding = enc; return stdin; },
    setRawMode(raw) { stdin.isRaw = !!raw; host.rawMode(!!raw); return stdin; },
    resume() { if (!flowing && !ended) { flowing = true; host.stdin(true); S.nextTick(flush); } return stdin; },
    pause() { flowing = false; host.stdin(false); return stdin; },
    ref() { return stdin; }, unref() { host.stdin(false); return stdin; },
    read() { return pendingChunks.length ? pendingChunks.shift() : null; },
    pipe(dest) { stdin.on('data', (c) => dest.write(c)); return dest; },
  });
  stdin.on('newListener', (name) => { if (name === 'data' || name === 'readable' || name === 'end') S.nextTick(() => stdin.resume()); });
  function convert(text) { return encoding ? text : Buffer.from(text); }
  function flush() {
    while (flowing && pendingChunks.length) {
      const c = pendingChunks.shift();
      if (c === null) { ended = true; flowing = false; host.stdin(false); stdin.emit('end'); stdin.emit('close'); return; }
      stdin.emit('data', convert(c));
    }
  }
  S.stdinData = (chunk) => { pendingChunks.push(chunk); flush(); };
  stdin[Symbol.asyncIterator] = async function* () {
    const q = [];
    let wake = null, done = false;
    stdin.on('data', (c) => { q.push(c); if (wake) wake(); });
    stdin.on('end', () => { done = true; if (wake) wake(); });
    while (true) {
      if (q.length) { yield q.shift(); continue; }
      if (done) return;
      await new Promise((r) => { wake = r; });
      wake = null;
    }
  };
  process.stdin = stdin;
  globalThis.process = process;

  let groupIndent = '';
  const counts = Object.create(null), times = Object.create(null);
  function emit(fd, args) {
    const text = util.format(...args);
    host.write(fd, (groupIndent ? text.split('\n').map((l) => groupIndent + l).join('\n') : text) + '\n');
  }
  globalThis.console = {
    log: (...a) => emit(1, a), info: (...a) => emit(1, a), debug: (...a) => emit(1, a),
    error: (...a) => emit(2, a), warn: (...a) => emit(2, a),
    trace: (...a) => { const e = new Error(util.format(...a)); emit(2, ['Trace: ' + e.message + '\n' + String(e.stack || '').replace(/\n$/, '')]); },
    dir: (v, o) => emit(1, [util.inspect(v, o)]),
    table: (...a) => emit(1, a),
    assert: (ok, ...a) => { if (!ok) emit(2, a.length ? ['Assertion failed: ' + util.format(...a)] : ['Assertion failed']); },
    count: (l = 'default') => { counts[l] = (counts[l] || 0) + 1; emit(1, [l + ': ' + counts[l]]); },
    countReset: (l = 'default') => { counts[l] = 0; },
    time: (l = 'default') => { times[l] = host.now(); },
    timeEnd: (l = 'default') => { if (l in times) { emit(1, [l + ': ' + (host.now() - times[l]).toFixed(3) + 'ms']); delete times[l]; } },
    timeLog: (l = 'default', ...a) => { if (l in times) emit(1, [l + ': ' + (host.now() - times[l]).toFixed(3) + 'ms', ...a]); },
    group: (...a) => { if (a.length) emit(1, a); groupIndent += '  '; },
    groupEnd: () => { groupIndent = groupIndent.slice(2); },
  };

  const Buffer = S.builtin('buffer').Buffer;
  globalThis.Buffer = Buffer;
  globalThis.global = globalThis;
  for (const name of ['URL', 'URLSearchParams']) {
    Object.defineProperty(globalThis, name, {
      get() { const v = S.builtin('url')[name]; Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true }); return v; },
      set(v) { Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true }); },
      configurable: true,
    });
  }
})();
`;
