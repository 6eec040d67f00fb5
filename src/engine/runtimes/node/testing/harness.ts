/** Test harness: runs `node` through the real Runner on a MemFs rootfs with a virtual clock. */
import { MemFs } from '../../../../os/memfs.js';
import type { InputStream } from '../../../../os/process.js';
import { CancelSource, CollectingOutput, emptyInput, SignalEmitter } from '../../../../os/streams.js';
import { SeededIds, VirtualClock } from '../../../../os/testing/virtualClock.js';
import type { EngineContext } from '../../../context.js';
import type { HttpResponse } from '../../../net/http.js';
import { Network } from '../../../net/network.js';
import { SimpleProgramRegistry } from '../../../programs/registry.js';
import { Runner } from '../../../programs/runner.js';
import { registerNodeRuntime } from '../index.js';
import type { NodeRuntimeOptions } from '../NodeProcess.js';

export interface NodeRun {
  readonly fs: MemFs;
  readonly clock: VirtualClock;
  readonly stdout: CollectingOutput;
  readonly stderr: CollectingOutput;
  readonly signals: SignalEmitter;
  readonly killed: CancelSource;
  readonly network: Network;
  start(argv: string[], opts?: { stdin?: InputStream; tty?: boolean; env?: string[]; cwd?: string }): Promise<number>;
  request(port: number, method: string, url: string, body?: string, headers?: Record<string, string>): Promise<HttpResponse>;
}

export function nodeHarness(files: Record<string, string> = {}, options: NodeRuntimeOptions = {}): NodeRun {
  const programs = new SimpleProgramRegistry();
  registerNodeRuntime(programs, options);
  const clock = new VirtualClock();
  const runner = new Runner({ clock, ids: new SeededIds(7), programs } as Partial<EngineContext> as EngineContext);
  const fs = new MemFs();
  fs.mkdir('/usr/local/bin', { recursive: true });
  fs.writeFile('/usr/local/bin/node', '#!slipway node\n', { mode: 0o755 });
  fs.mkdir('/app', { recursive: true });
  fs.mkdir('/etc', { recursive: true });
  fs.writeFile('/etc/hostname', 'c0ffee123456\n');
  for (const [path, text] of Object.entries(files)) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(path, text);
  }
  const stdout = new CollectingOutput();
  const stderr = new CollectingOutput();
  const signals = new SignalEmitter();
  const killed = new CancelSource();
  const network = new Network();
  const listen = network.listen;
  return {
    fs, clock, stdout, stderr, signals, killed, network,
    start: (argv, opts = {}) =>
      runner.run(
        { argv, env: ['PATH=/usr/local/bin:/bin', 'NODE_VERSION=26.7.0', 'HOSTNAME=c0ffee123456', ...(opts.env ?? [])], cwd: opts.cwd ?? '/app', user: '', tty: opts.tty ?? false, openStdin: false },
        fs,
        { stdin: opts.stdin ?? emptyInput, stdout, stderr, signals },
        { killed: killed.token, pid1: true, listen },
      ),
    request: (port, method, url, body = '', headers = {}) =>
      network.request(port, { method, url, headers: { host: `localhost:${port}`, ...headers }, body: new TextEncoder().encode(body) }),
  };
}

/** Waits (macrotask by macrotask) until the condition holds; the runtime loads asynchronously. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  if (!condition()) throw new Error('condition not reached');
}
