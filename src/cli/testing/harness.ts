/**
 * A docker CLI test rig: a real Engine on a VirtualClock, a MemFs workspace,
 * collected stdout/stderr, scripted stdin and an optional fake terminal.
 */
import { Engine, type EngineApi } from '../../engine/index.js';
import { MemFs } from '../../os/memfs.js';
import type { InputStream, TerminalControl } from '../../os/process.js';
import { CollectingOutput, inputFrom, SignalEmitter } from '../../os/streams.js';
import { SeededIds, VirtualClock } from '../../os/testing/virtualClock.js';
import type { DockerContext } from '../context.js';
import { runDocker } from '../index.js';
import { loadAllCommands } from '../commands/tree.js';
import { loadAllCoreutils } from '../../shell/coreutils/index.js';

// Tests count event-loop turns until a command reacts; first imports must not add turns.
await Promise.all([loadAllCommands(), loadAllCoreutils()]);

export interface FakeTerminal extends TerminalControl {
  raw: boolean;
  echo: boolean;
}

export function fakeTerminal(columns = 80): FakeTerminal {
  return {
    raw: false,
    echo: true,
    columns,
    rows: 24,
    setRawMode(raw: boolean) {
      this.raw = raw;
    },
    setEcho(echo: boolean) {
      this.echo = echo;
    },
  };
}

export interface Rig {
  readonly engine: EngineApi;
  readonly clock: VirtualClock;
  readonly fs: MemFs;
  readonly stdout: CollectingOutput;
  readonly stderr: CollectingOutput;
  readonly signals: SignalEmitter;
  /** Runs `docker <args>`; stdout/stderr are cleared first. */
  docker(args: readonly string[], options?: { stdin?: InputStream; terminal?: TerminalControl; cwd?: string }): Promise<number>;
}

export function makeRig(engine?: EngineApi, clock = new VirtualClock()): Rig {
  const eng = engine ?? new Engine({ clock, ids: new SeededIds() });
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/home/student', { recursive: true });
  const stdout = new CollectingOutput();
  const stderr = new CollectingOutput();
  const signals = new SignalEmitter();
  return {
    engine: eng,
    clock,
    fs,
    stdout,
    stderr,
    signals,
    docker(args, options = {}) {
      stdout.clear();
      stderr.clear();
      const ctx: DockerContext = {
        engine: eng,
        stdin: options.stdin ?? inputFrom(),
        stdout,
        stderr,
        signals,
        terminal: options.terminal,
        env: new Map([['HOME', '/home/student']]),
        cwd: options.cwd ?? '/home/student',
        fs,
        clock,
      };
      return runDocker(args, ctx);
    },
  };
}

/** An engine for tests that only exercise parsing and help: any use fails the test. */
export function noEngine(): EngineApi {
  return new Proxy({} as EngineApi, {
    get(_target, prop) {
      if (prop === 'system') return { version: () => ({ version: '29.1.0', apiVersion: '1.52', goVersion: 'go1.25.5', gitCommit: 'fbf3ed2', os: 'linux', arch: 'amd64', buildTime: '' }) };
      if (prop === 'containers') return { list: () => [] };
      if (prop === 'images') return { list: () => [] };
      throw new Error(`test engine: ${String(prop)} used`);
    },
  });
}
