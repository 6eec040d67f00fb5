/**
 * `npm run fuzz`: the long run. 100,000 command lines (engine sequences
 * first, then free-form lines) and 10,000 Dockerfiles, with every check
 * after every step. Prints the counts and the seed; replay a run with
 * `SLIPWAY_FUZZ_SEED=<seed> npm run fuzz`. Smaller runs for a quick look:
 * `npm run fuzz -- --lines 2000 --dockerfiles 100`.
 */
import fc from 'fast-check';
import { dockerfileProperty } from './dockerfileSuite.js';
import { engineProperty } from './engineSuite.js';
import { FUZZ } from './config.js';
import { BrokenStep, lineProperty, newStats } from './lineSuite.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const targetLines = option('lines', 100_000);
const targetDockerfiles = option('dockerfiles', 10_000);
const seedText = process.env.SLIPWAY_FUZZ_SEED;
const seed = seedText ? Number(seedText) : Math.floor(Math.random() * 2 ** 31);
const { linesPerRun: LINES_PER_RUN, engineOpsPerRun: ENGINE_OPS, dockerfilesPerRun: DOCKERFILES_PER_RUN } = FUZZ;

const stats = newStats();
let uncaught = 0;
let broken = 0;
process.on('unhandledRejection', (reason) => {
  uncaught++;
  console.error('unhandled rejection:', reason);
});

/** Runs `numRuns` runs; after a failure (reported, then counted) the rest go on with the next seed, so one bug hides no other. */
async function check<T>(label: string, property: fc.IAsyncProperty<T>, numRuns: number, runSeed: number): Promise<void> {
  let remaining = numRuns;
  let current = runSeed;
  while (remaining > 0) {
    const started = performance.now();
    const result = await fc.check(property, { numRuns: remaining, seed: current });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!result.failed) {
      console.log(`${label}: ${remaining} runs passed in ${seconds} s (seed ${current})`);
      return;
    }
    if (result.errorInstance instanceof BrokenStep) broken++;
    else uncaught++;
    console.log(`${label}: FAILED at run ${result.numRuns} (${seconds} s, seed ${current})`);
    console.log(fc.defaultReportMessage(result));
    const error = result.errorInstance;
    console.log(error instanceof Error ? (error instanceof BrokenStep ? error.message : (error.stack ?? error.message)) : String(error));
    remaining -= result.numRuns;
    current += 1000;
  }
}

const started = performance.now();
console.log(`fuzz seed ${seed}: ${targetLines} lines, ${targetDockerfiles} Dockerfiles`);
// About a fifth of the lines come as model-checked engine sequences (ENGINE_OPS / 2 on average).
await check('engine sequences', engineProperty(stats, ENGINE_OPS), Math.ceil((targetLines / 5) / (ENGINE_OPS / 2)), seed);
await check('command lines', lineProperty(stats, LINES_PER_RUN), Math.ceil(Math.max(0, targetLines - stats.lines) / LINES_PER_RUN), seed + 1);
await check('Dockerfiles', dockerfileProperty(stats, DOCKERFILES_PER_RUN), Math.ceil(targetDockerfiles / DOCKERFILES_PER_RUN), seed + 2);
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.log(
  [
    `seed: ${seed}`,
    `lines run: ${stats.lines} (${stats.interrupted} needed Ctrl-C)`,
    `Dockerfiles built: ${stats.dockerfiles} (${stats.builtOk} built, ${stats.builds} builds with the cached rebuilds)`,
    `uncaught errors: ${uncaught}`,
    `broken invariants: ${broken}`,
    `duration: ${minutes} min`,
  ].join('\n'),
);
process.exit(uncaught + broken > 0 ? 1 : 0);
