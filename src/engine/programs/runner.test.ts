import { describe, expect, it } from 'vitest';
import { CancelSource, CollectingOutput, emptyInput, SignalEmitter } from '../../os/streams.js';
import { MemFs } from '../../os/memfs.js';
import { SeededIds, VirtualClock } from '../../os/testing/virtualClock.js';
import type { EngineContext } from '../context.js';
import { registerCorePrograms } from './core.js';
import { SimpleProgramRegistry } from './registry.js';
import { ExecError } from './resolve.js';
import { Runner } from './runner.js';
import type { Program } from './types.js';

function setup(extra: Record<string, Program> = {}) {
  const programs = new SimpleProgramRegistry();
  registerCorePrograms(programs);
  for (const [k, v] of Object.entries(extra)) programs.register(k, v);
  const clock = new VirtualClock();
  const ctx = { clock, ids: new SeededIds(1), programs } as Partial<EngineContext> as EngineContext;
  const runner = new Runner(ctx);
  const fs = new MemFs();
  fs.mkdir('/bin', { recursive: true });
  for (const name of ['sh', 'sleep', 'echo', ...Object.keys(extra)]) fs.writeFile(`/bin/${name}`, `#!slipway ${name}\n`, { mode: 0o755 });
  const signals = new SignalEmitter();
  const stdout = new CollectingOutput();
  const stderr = new CollectingOutput();
  const io = { stdin: emptyInput, stdout, stderr, signals };
  const spec = (argv: string[]) => ({ argv, env: ['PATH=/bin'], cwd: '/', user: '', tty: false, openStdin: false });
  return { runner, fs, io, signals, stdout, stderr, spec, clock };
}

describe('Runner', () => {
  it('resolves through PATH and reports runc errors with exit classification', async () => {
    const { runner, fs, io, spec } = setup();
    const killed = new CancelSource();
    await expect(runner.run(spec(['nope']), fs, io, { killed, pid1: true })).rejects.toThrow(new ExecError('exec: "nope": executable file not found in $PATH', 127));
    fs.writeFile('/bin/plain', 'data', { mode: 0o644 });
    const denied = await runner.run(spec(['/bin/plain']), fs, io, { killed, pid1: true }).catch((e: unknown) => e);
    expect(denied).toMatchObject({ detail: 'exec: "/bin/plain": permission denied', exitCode: 126 });
    const missing = await runner.run(spec(['/app/x']), fs, io, { killed, pid1: true }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ detail: 'exec: "/app/x": stat /app/x: no such file or directory', exitCode: 127 });
  });

  it('runs #!/bin/sh scripts through sh with their arguments', async () => {
    const { runner, fs, io, spec, stdout } = setup();
    fs.writeFile('/bin/greet', '#!/bin/sh\necho hello $1\nexit 5\n', { mode: 0o755 });
    expect(await runner.run(spec(['greet', 'world']), fs, io, { killed: new CancelSource(), pid1: true })).toBe(5);
    expect(stdout.text).toBe('hello world\n');
  });

  it('reports a missing interpreter, or a CRLF shebang, as the script not being found', async () => {
    const { runner, fs, io, spec } = setup();
    fs.writeFile('/bin/crlf', '#!/bin/sh\r\necho hi\r\n', { mode: 0o755 });
    fs.writeFile('/bin/needs-bash', '#!/bin/bash\necho hi\n', { mode: 0o755 });
    for (const name of ['crlf', 'needs-bash']) {
      const error = await runner.run(spec([name]), fs, io, { killed: new CancelSource(), pid1: true }).catch((e: unknown) => e);
      expect(error).toMatchObject({ detail: `exec /bin/${name}: no such file or directory`, exitCode: 127 });
    }
  });

  it('runs #!/usr/bin/env scripts through the named interpreter', async () => {
    const { runner, fs, io, spec, stdout } = setup();
    fs.mkdir('/usr/bin', { recursive: true });
    fs.writeFile('/usr/bin/env', '#!slipway env\n', { mode: 0o755 });
    fs.writeFile('/bin/hi', '#!/usr/bin/env sh\necho "$0 says hi"\n', { mode: 0o755 });
    expect(await runner.run(spec(['hi']), fs, io, { killed: new CancelSource(), pid1: true })).toBe(0);
    expect(stdout.text).toBe('/bin/hi says hi\n');
  });

  it('PID 1 ignores an unhandled SIGTERM; any other process dies with 143', async () => {
    const { runner, fs, io, spec, signals } = setup();
    const pid1 = runner.run(spec(['sleep', 'infinity']), fs, io, { killed: new CancelSource(), pid1: true });
    const child = runner.run(spec(['sleep', 'infinity']), fs, io, { killed: new CancelSource(), pid1: false });
    signals.emit('SIGTERM');
    expect(await child).toBe(143);
    const killed = new CancelSource();
    const again = runner.run(spec(['sleep', 'infinity']), fs, io, { killed, pid1: true });
    killed.cancel();
    expect(await again).toBe(137);
    let settled = false;
    void pid1.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
  });

  it('delivers trapped signals to the handler and resolves SIGKILL even if the program hangs', async () => {
    let trapped = 0;
    const stubborn: Program = (ctx) => {
      ctx.trap('SIGTERM', () => trapped++);
      return new Promise<number>(() => undefined);
    };
    const { runner, fs, io, spec, signals } = setup({ stubborn });
    const killed = new CancelSource();
    const run = runner.run(spec(['stubborn']), fs, io, { killed, pid1: false });
    await Promise.resolve();
    await Promise.resolve();
    signals.emit('SIGTERM');
    expect(trapped).toBe(1);
    killed.cancel();
    expect(await run).toBe(137);
  });

  it('lets a process reach its own listeners when the caller gives a plain listen function', async () => {
    const server: Program = async (ctx) => {
      ctx.net.listen(3000, async () => ({ status: 200, statusText: 'OK', headers: {}, body: new TextEncoder().encode('pong') }));
      const response = await ctx.net.request(3000, { method: 'GET', url: '/', headers: {}, body: new Uint8Array(0) });
      ctx.stdout.write(new TextDecoder().decode(response.body));
      return 0;
    };
    const { runner, fs, io, spec, stdout } = setup({ server });
    const opened: number[] = [];
    const listen = (port: number) => {
      opened.push(port);
      return { port, close: () => undefined };
    };
    expect(await runner.run(spec(['server']), fs, io, { killed: new CancelSource(), pid1: true, listen })).toBe(0);
    expect(stdout.text).toBe('pong');
    expect(opened).toEqual([3000]);
  });

  it('exit() ends the process with its code, and later output is dropped', async () => {
    const quitter: Program = async (ctx) => {
      ctx.stdout.write('before\n');
      return ctx.exit(7);
    };
    const { runner, fs, io, spec, stdout } = setup({ quitter });
    expect(await runner.run(spec(['quitter']), fs, io, { killed: new CancelSource(), pid1: true })).toBe(7);
    expect(stdout.text).toBe('before\n');
  });
});
