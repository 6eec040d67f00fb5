/**
 * How much the Vitest fuzz suites run under `npm test`: about 2,000 command
 * lines (1,500 free-form + ~500 in model-checked engine sequences, which
 * average 12 operations) and 500 Dockerfiles. `npm run fuzz` (run.ts) is the
 * long run. SLIPWAY_FUZZ_SEED replays a failure with the seed fast-check printed.
 */
const seedText = process.env.SLIPWAY_FUZZ_SEED;

export const FUZZ = {
  seed: seedText !== undefined && seedText !== '' ? Number(seedText) : undefined,
  linesPerRun: 20,
  lineRuns: 75,
  engineOpsPerRun: 25,
  engineRuns: 42,
  dockerfilesPerRun: 5,
  dockerfileRuns: 500,
};
