/**
 * One fuzzing world: an engine on a virtual clock, an in-memory workspace and
 * a bash-flavoured shell with `docker` registered, as a terminal tab has.
 * Lines run through the shell; a line that blocks (a foreground server,
 * `logs -f`, `attach`) gets Ctrl-C as a student would press it.
 */
import { Engine } from '../../src/engine/index.js';
import { runDocker } from '../../src/cli/index.js';
import { MemFs } from '../../src/os/memfs.js';
import type { ExternalCommand } from '../../src/os/process.js';
import { CollectingOutput, SignalEmitter, emptyInput } from '../../src/os/streams.js';
import { SeededIds, VirtualClock } from '../../src/os/testing/virtualClock.js';
import { Shell } from '../../src/shell/index.js';

export const HOME = '/home/student';

export interface LineResult {
  readonly status: number;
  readonly out: string;
  readonly err: string;
  /** Ctrl-C (and then SIGKILL) were needed to end the line. */
  readonly interrupted: boolean;
}

/** A line that needed more than SIGINT and SIGKILL to end: the terminal would be stuck. */
export class HungLine extends Error {
  constructor(readonly line: string) {
    super(`line did not end after SIGINT and SIGKILL: ${JSON.stringify(line.slice(0, 200))}`);
  }
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Waits until `done` settles or the world looks blocked: neither the virtual
 * clock (which jumps to the next sleeper whenever the job queue drains) nor
 * the output moved for `hops` event-loop turns and `quietMs` of real time
 * (real work such as a first module load makes no virtual progress either),
 * or ten virtual minutes went by (a container looping on `sleep` keeps the
 * clock moving for ever). Returns whether `done` settled.
 */
async function settledOrBlocked(done: Promise<unknown>, clock: VirtualClock, progress: () => number, quietMs = 100, hops = 60): Promise<boolean> {
  const start = clock.now();
  let finished = false;
  void done.then(
    () => (finished = true),
    () => (finished = true),
  );
  let still = 0;
  let mark = `${clock.now()}/${progress()}`;
  let since = performance.now();
  while (!finished && (still < hops || performance.now() - since < quietMs) && clock.now() - start < 600_000) {
    await clock.heldWork();
    await macrotask();
    const now = `${clock.now()}/${progress()}`;
    if (now === mark) still++;
    else {
      still = 0;
      mark = now;
      since = performance.now();
    }
  }
  return finished;
}

export class World {
  readonly clock: VirtualClock;
  readonly engine: Engine;
  readonly fs: MemFs;
  readonly shell: Shell;
  private readonly signals = new SignalEmitter();

  constructor(seed: number, start?: number) {
    this.clock = new VirtualClock(start);
    this.engine = new Engine({ clock: this.clock, ids: new SeededIds(seed) });
    this.fs = new MemFs({ now: () => this.clock.now(), uid: 1000, gid: 1000 });
    this.fs.mkdir(HOME, { recursive: true });
    this.fs.mkdir('/tmp', { mode: 0o1777 });
    const docker: ExternalCommand = (argv, ctx) => runDocker(argv.slice(1), { ...ctx, engine: this.engine });
    this.shell = new Shell({
      fs: this.fs,
      cwd: HOME,
      env: { HOME, USER: 'student', PATH: '/usr/local/bin:/usr/bin:/bin', SHELL: '/bin/bash' },
      clock: this.clock,
      flavor: 'bash',
      commands: (name) => (name === 'docker' ? docker : undefined),
    });
  }

  /** Runs one command line as typed at the prompt. Throws only what the shell let escape, or HungLine. */
  async line(source: string, quietMs = 300): Promise<LineResult> {
    const out = new CollectingOutput();
    const err = new CollectingOutput();
    let failure: unknown;
    let status = -1;
    const run = this.shell.run(source, { stdin: emptyInput, stdout: out, stderr: err, signals: this.signals }).then(
      (s) => void (status = s),
      (e: unknown) => void (failure = e ?? new Error('rejected with nothing')),
    );
    let interrupted = false;
    const progress = () => out.text.length + err.text.length;
    if (!(await settledOrBlocked(run, this.clock, progress, quietMs))) {
      interrupted = true;
      this.signals.emit('SIGINT');
      if (!(await settledOrBlocked(run, this.clock, progress, quietMs))) {
        this.signals.emit('SIGKILL');
        if (!(await settledOrBlocked(run, this.clock, progress, 2000))) throw new HungLine(source);
      }
    }
    await run;
    if (failure !== undefined) throw failure;
    return { status, out: out.text, err: err.text, interrupted };
  }

  /** `docker <args>` straight through the CLI, for the checks (not counted as fuzz input). */
  async docker(args: readonly string[]): Promise<{ status: number; out: string; err: string }> {
    const out = new CollectingOutput();
    const err = new CollectingOutput();
    const status = await runDocker(args, {
      engine: this.engine,
      stdin: emptyInput,
      stdout: out,
      stderr: err,
      signals: new SignalEmitter(),
      env: new Map([['HOME', HOME]]),
      cwd: HOME,
      fs: this.fs,
      clock: this.clock,
    });
    return { status, out: out.text, err: err.text };
  }

  /** Lets background work (detached containers, `&` jobs) run until the world is quiet. */
  async settle(): Promise<void> {
    await settledOrBlocked(new Promise(() => undefined), this.clock, () => 0, 0, 20);
  }
}

let warm: Promise<void> | undefined;

/**
 * First use of the builder and the runtimes loads modules for real, with no
 * virtual progress; warming up once per process keeps that out of the
 * blocked-line detection.
 */
export function warmUp(): Promise<void> {
  warm ??= (async () => {
    const world = new World(0);
    world.fs.writeFile(`${HOME}/Dockerfile`, 'FROM busybox\nRUN echo warm > /w\n');
    for (const image of ['busybox', 'busybox:1.37', 'alpine', 'alpine:3', 'nginx', 'hello-world']) await world.docker(['pull', '-q', image]);
    for (const args of [['build', '-q', '.'], ['run', '--rm', 'busybox', 'true']]) await world.docker(args);
  })();
  return warm;
}
