/**
 * Suite (a): random command lines through the shell with docker registered.
 * Each run is a fresh world and a sequence of lines; after every line the
 * output, the invariants, the loss model and (every few lines) the snapshot
 * round trip are checked.
 */
import fc from 'fast-check';
import { invariantProblems, listed, lossProblems, outputProblems, roundTrip } from './checks.js';
import { commandLine } from './commandLines.js';
import { World, warmUp } from './world.js';

export interface FuzzStats {
  lines: number;
  dockerfiles: number;
  /** Dockerfiles whose build succeeded (the rest failed in BuildKit's words). */
  builtOk: number;
  builds: number;
  interrupted: number;
}

export const newStats = (): FuzzStats => ({ lines: 0, dockerfiles: 0, builtOk: 0, builds: 0, interrupted: 0 });

export class BrokenStep extends Error {}

function fail(problems: string[], history: readonly string[]): never {
  throw new BrokenStep(`${problems.join('\n')}\nafter lines:\n${history.map((l) => `  $ ${l}`).join('\n')}`);
}

/** A line's output reaches the terminal (no pipe or redirect swallowed it). */
const unredirected = (line: string) => !/[|>]|\$\(/.test(line);

export async function runLines(lines: readonly string[], stats: FuzzStats, roundTripEvery = 5): Promise<void> {
  await warmUp();
  const world = new World(lines.length * 7919 + 1);
  world.fs.writeFile('/home/student/f.txt', 'one\ntwo\n');
  world.fs.writeFile('/home/student/Dockerfile', 'FROM busybox\nRUN echo built > /b\nCMD ["cat", "/b"]\n');
  const history: string[] = [];
  let before = await listed(world);
  for (const [i, line] of lines.entries()) {
    history.push(line);
    const result = await world.line(line);
    await world.settle();
    stats.lines++;
    if (result.interrupted) stats.interrupted++;
    const after = await listed(world);
    const problems = [
      ...outputProblems(line, result),
      ...invariantProblems(world),
      ...lossProblems(line, unredirected(line) ? result.out + result.err : '', before, after).filter((p) => unredirected(line) || !p.includes('without a Deleted record')),
    ];
    if (i % roundTripEvery === roundTripEvery - 1 || i === lines.length - 1) problems.push(...(await roundTrip(world)));
    if (problems.length > 0) fail(problems, history);
    before = after;
  }
}

export function lineProperty(stats: FuzzStats, linesPerRun: number) {
  return fc.asyncProperty(fc.array(commandLine, { minLength: linesPerRun, maxLength: linesPerRun }), (lines) => runLines(lines, stats));
}
