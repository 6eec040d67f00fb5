/**
 * The saved state of an engine with N containers and N images, made in Node
 * with the real engine and CLI (each image built `FROM alpine` with its own
 * label, one stopped container per image, as bench/engine.bench.ts does).
 * The round-trip bench writes it into the page's IndexedDB before the app
 * boots, so nothing in the shipped app has to know about benchmarks.
 */
import { runDocker } from '../../src/cli/index.js';
import { Engine } from '../../src/engine/index.js';
import { MemFs } from '../../src/os/memfs.js';
import { SeededIds, VirtualClock } from '../../src/os/testing/virtualClock.js';

/** The format-1 save (`state-v1` in the `slipway` database), which the worker still reads. */
export interface SavedStateV1 {
  readonly version: 1;
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  readonly engine: unknown;
  readonly history: readonly string[];
}

const APP = '/home/student/app';
/**
 * A build's simulated steps sleep on the clock: with real time 1,000 builds
 * took 471 s, with a virtual clock (which jumps to the next deadline) about
 * 5 s. It starts a day back so that every object is created in the past
 * (the builds move it on by ~7 minutes).
 */
const DAY_MS = 24 * 3600 * 1000;

export async function populatedState(n: number): Promise<SavedStateV1> {
  const clock = new VirtualClock(Date.now() - DAY_MS);
  const engine = new Engine({ clock, ids: new SeededIds(n) });
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir(APP, { recursive: true });
  const sink = { write: () => undefined };
  const docker = async (argv: string[]): Promise<void> => {
    const ctx = { engine, fs, clock, cwd: APP, env: new Map([['HOME', '/home/student']]), stdin: { read: async () => null }, stdout: sink, stderr: sink, signals: { on: () => () => undefined } };
    const code = await runDocker(argv, ctx);
    if (code !== 0) throw new Error(`docker ${argv.join(' ')} exited ${code}`);
  };
  await docker(['pull', 'alpine']);
  for (let i = 0; i < n; i++) {
    fs.writeFile(`${APP}/Dockerfile`, `FROM alpine\nLABEL n=${i}\nCMD ["echo", "${i}"]\n`);
    await docker(['build', '-q', '-t', `app${i}:v1`, '.']);
    await docker(['create', '--name', `c${i}`, `app${i}:v1`]);
  }
  return { version: 1, files: { Dockerfile: 'FROM alpine\n' }, dirs: [], engine: engine.system.snapshot(), history: [] };
}
