/**
 * How much the Vitest fuzz suites run under `npm test`: about 2,000 command
 * lines (1,500 free-form + ~500 in model-checked engine sequences, which
 * average 12 operations) and 500 Dockerfiles. `npm run fuzz` (run.ts) is the
 * long run. SLIPWAY_FUZZ_SEED replays a failure with the seed fast-check printed;
 * SLIPWAY_FUZZ_SEED=random explores. The default is a fixed seed: `npm test` gates
 * every landing, so it must not fail on one run and pass on the next; new ground is
 * the long run's job (it draws a fresh seed each time).
 */
const seedText = process.env.SLIPWAY_FUZZ_SEED;
const DEFAULT_SEED = 20261127;

export const FUZZ = {
  seed: seedText === 'random' ? undefined : seedText !== undefined && seedText !== '' ? Number(seedText) : DEFAULT_SEED,
  linesPerRun: 20,
  lineRuns: 75,
  engineOpsPerRun: 25,
  engineRuns: 42,
  dockerfilesPerRun: 5,
  dockerfileRuns: 500,
};
