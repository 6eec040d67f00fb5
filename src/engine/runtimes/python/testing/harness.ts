/** Test harness: runs `python` through the real Runner on a MemFs rootfs with a virtual clock. */
import { MemFs } from '../../../../os/memfs.js';
import type { InputStream } from '../../../../os/process.js';
import { CancelSource, CollectingOutput, emptyInput, SignalEmitter } from '../../../../os/streams.js';
import { SeededIds, VirtualClock } from '../../../../os/testing/virtualClock.js';
import type { EngineContext } from '../../../context.js';
import { SimpleProgramRegistry } from '../../../programs/registry.js';
import { Runner } from '../../../programs/runner.js';
import { registerPythonRuntime } from '../index.js';
import type { PythonRuntimeOptions } from '../index.js';

export interface PythonRun {
  readonly fs: MemFs;
  readonly clock: VirtualClock;
  readonly stdout: CollectingOutput;
  readonly stderr: CollectingOutput;
  readonly signals: SignalEmitter;
  readonly killed: CancelSource;
  start(argv: string[], opts?: { stdin?: InputStream; tty?: boolean; env?: string[]; cwd?: string }): Promise<number>;
}

export function pythonHarness(files: Record<string, string> = {}, seed = 7, options: PythonRuntimeOptions = {}): PythonRun {
  const programs = new SimpleProgramRegistry();
  registerPythonRuntime(programs, options);
  const clock = new VirtualClock();
  const runner = new Runner({ clock, ids: new SeededIds(seed), programs } as Partial<EngineContext> as EngineContext);
  const fs = new MemFs();
  fs.mkdir('/usr/local/bin', { recursive: true });
  fs.writeFile('/usr/local/bin/python3', '#!slipway python3\n', { mode: 0o755 });
  fs.writeFile('/usr/local/bin/python', '#!slipway python\n', { mode: 0o755 });
  fs.mkdir('/app', { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, text);
  }
  const stdout = new CollectingOutput();
  const stderr = new CollectingOutput();
  const signals = new SignalEmitter();
  const killed = new CancelSource();
  return {
    fs, clock, stdout, stderr, signals, killed,
    start: (argv, opts = {}) =>
      runner.run(
        { argv, env: ['PATH=/usr/local/bin:/bin', 'PYTHON_VERSION=3.14.0', 'HOSTNAME=c0ffee123456', ...(opts.env ?? [])], cwd: opts.cwd ?? '/app', user: '', tty: opts.tty ?? false, openStdin: false },
        fs,
        { stdin: opts.stdin ?? emptyInput, stdout, stderr, signals },
        { killed: killed.token, pid1: true },
      ),
  };
}

/** Waits (macrotask by macrotask) until the condition holds; the runtime loads asynchronously. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  if (!condition()) throw new Error('condition not reached');
}
