/**
 * The `__host` object the sandbox prelude captures: the only bridge from the
 * QuickJS sandbox to the engine. Values cross as strings, numbers and
 * ArrayBuffers; file-system results as small JSON envelopes (`{v}` or
 * `{e, s}`) so the sandbox can build Node's own error objects.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import { FsError } from '../../../os/vfs.js';
import type { Vfs } from '../../../os/vfs.js';

export interface HostCallbacks {
  write(fd: number, text: string): void;
  now(): number;
  random(): number;
  info(): string;
  /** `main`: the entry script, whose top-level loops may pause (instrument.ts). */
  compile(code: string, filename: string, main: boolean): QuickJSHandle | { error: QuickJSHandle };
  uncaught(error: QuickJSHandle): void;
  exit(code: number): void;
  listen(port: number, serverId: number): string;
  unlisten(serverId: number): void;
  respond(reqId: number, status: number, statusText: string, headers: string, body: Uint8Array): void;
  signal(name: string, on: boolean): void;
  stdin(ref: boolean): void;
  rawMode(raw: boolean): void;
  builtinNames(): string;
  request(id: number, port: number, method: string, path: string, headers: string, body: Uint8Array): void;
  loadBuiltin(name: string): QuickJSHandle | { error: QuickJSHandle };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fsEnvelope(fs: Vfs, op: string, path: string, syscall: string, a: unknown, b: unknown): string {
  try {
    switch (op) {
      case 'stat':
      case 'lstat': {
        const s = op === 'stat' ? fs.stat(path) : fs.lstat(path);
        return JSON.stringify({ v: s ? { kind: s.kind, mode: s.mode, size: s.size, mtime: s.mtime, uid: s.uid, gid: s.gid } : null });
      }
      case 'readText': {
        const s = fs.stat(path);
        if (s?.kind === 'dir') return JSON.stringify({ e: 'EISDIR', s: 'read' });
        return JSON.stringify({ v: decoder.decode(fs.readFile(path)) });
      }
      case 'readdir': {
        const s = fs.stat(path);
        if (!s) return JSON.stringify({ e: 'ENOENT', s: syscall });
        if (s.kind !== 'dir') return JSON.stringify({ e: 'ENOTDIR', s: syscall });
        return JSON.stringify({ v: fs.readdir(path) });
      }
      case 'mkdir':
        if (!a && fs.stat(path)) return JSON.stringify({ e: 'EEXIST', s: syscall });
        fs.mkdir(path, { recursive: a === true });
        return '{"v":null}';
      case 'rm':
      case 'rmdir': {
        const s = fs.lstat(path);
        if (!s) return b ? '{"v":null}' : JSON.stringify({ e: 'ENOENT', s: syscall });
        if (op === 'rm' && s.kind === 'dir' && !a) return JSON.stringify({ e: 'EISDIR', s: syscall === 'rm' ? 'rm' : syscall });
        if (op === 'rmdir' && !a && fs.readdir(path).length > 0) return JSON.stringify({ e: 'ENOTEMPTY', s: syscall });
        fs.rm(path, { recursive: true, force: b === true });
        return '{"v":null}';
      }
      case 'rename':
        fs.rename(path, String(a));
        return '{"v":null}';
      case 'symlink':
        fs.symlink(String(a), path);
        return '{"v":null}';
      case 'readlink':
        return JSON.stringify({ v: fs.readlink(path) });
      case 'chmod':
        fs.chmod(path, Number(a));
        return '{"v":null}';
      default:
        return JSON.stringify({ e: 'EINVAL', s: syscall });
    }
  } catch (error) {
    if (error instanceof FsError) return JSON.stringify({ e: error.code, s: syscall });
    throw error;
  }
}

/** What `os.hostname()` answers: the container's /etc/hostname, else $HOSTNAME. */
export function containerHostname(ctx: { readonly fs: Vfs; readonly env: ReadonlyMap<string, string> }): string {
  try {
    const text = decoder.decode(ctx.fs.readFile('/etc/hostname')).trim();
    if (text) return text;
  } catch {
    // no /etc/hostname in this rootfs
  }
  return ctx.env.get('HOSTNAME') ?? 'localhost';
}

/** Installs `globalThis.__host` in the context. */
export function installHost(vm: QuickJSContext, fs: Vfs, cb: HostCallbacks): void {
  const host = vm.newObject();
  // A sandbox call may pass fewer arguments than the binding declares.
  const str = (h: QuickJSHandle | undefined): string => (h ? vm.getString(h) : '');
  const num = (h: QuickJSHandle | undefined): number => (h ? vm.getNumber(h) : 0);
  const dump = (h: QuickJSHandle | undefined): unknown => (h ? vm.dump(h) : undefined);
  const bytes = (h: QuickJSHandle | undefined): Uint8Array => {
    if (!h) return new Uint8Array(0);
    if (vm.typeof(h) === 'string') return encoder.encode(vm.getString(h));
    const lifetime = vm.getArrayBuffer(h);
    try {
      return lifetime.value.slice();
    } finally {
      lifetime.dispose();
    }
  };
  const define = (name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | { error: QuickJSHandle } | undefined): void => {
    const f = vm.newFunction(name, fn);
    vm.setProp(host, name, f);
    f.dispose();
  };
  define('write', (fd, text) => void cb.write(num(fd), str(text)));
  define('now', () => vm.newNumber(cb.now()));
  define('random', () => vm.newNumber(cb.random()));
  define('info', () => vm.newString(cb.info()));
  define('fs', (op, path, syscall, a, b) => vm.newString(fsEnvelope(fs, str(op), str(path), str(syscall), dump(a), dump(b))));
  define('readBytes', (path) => {
    const p = str(path);
    try {
      if (fs.stat(p)?.kind === 'dir') return vm.newString(JSON.stringify({ e: 'EISDIR', s: 'read' }));
      const data = fs.readFile(p);
      return vm.newArrayBuffer(data.slice().buffer);
    } catch (error) {
      if (error instanceof FsError) return vm.newString(JSON.stringify({ e: error.code, s: 'open' }));
      throw error;
    }
  });
  define('writeBytes', (path, data, append) => {
    const p = str(path);
    try {
      if (fs.stat(p)?.kind === 'dir') return vm.newString(JSON.stringify({ e: 'EISDIR', s: 'open' }));
      fs.writeFile(p, bytes(data), { append: dump(append) === true });
      return vm.newString('');
    } catch (error) {
      if (error instanceof FsError) return vm.newString(JSON.stringify({ e: error.code, s: 'open' }));
      throw error;
    }
  });
  define('utf8Encode', (text) => vm.newArrayBuffer(encoder.encode(str(text)).buffer));
  define('utf8Decode', (data) => vm.newString(decoder.decode(bytes(data))));
  define('compile', (code, filename, main) => cb.compile(str(code), str(filename), dump(main) === true));
  define('uncaught', (error) => void cb.uncaught(error));
  define('exit', (code) => void cb.exit(num(code)));
  define('listen', (port, id) => vm.newString(cb.listen(num(port), num(id))));
  define('unlisten', (id) => void cb.unlisten(num(id)));
  define('respond', (id, status, text, headers, body) => void cb.respond(num(id), num(status), str(text), str(headers), bytes(body)));
  define('signal', (name, on) => void cb.signal(str(name), dump(on) === true));
  define('stdin', (ref) => void cb.stdin(dump(ref) === true));
  define('rawMode', (raw) => void cb.rawMode(dump(raw) === true));
  define('request', (id, port, method, path, headers, body) => void cb.request(num(id), num(port), str(method), str(path), str(headers), bytes(body)));
  define('builtinNames', () => vm.newString(cb.builtinNames()));
  define('loadBuiltin', (name) => cb.loadBuiltin(str(name)));
  vm.setProp(vm.global, '__host', host);
  host.dispose();
}
