/**
 * How much the fuzz suites run. `npm test` (Vitest) uses the bounded default;
 * `npm run fuzz` sets SLIPWAY_FUZZ=full; SLIPWAY_FUZZ_SEED replays a run.
 */
const full = process.env.SLIPWAY_FUZZ === 'full';
const seedText = process.env.SLIPWAY_FUZZ_SEED;

export const FUZZ = {
  seed: seedText !== undefined && seedText !== '' ? Number(seedText) : undefined,
  linesPerRun: 20,
  lineRuns: full ? 4000 : 75,
  engineOpsPerRun: 25,
  engineRuns: full ? 1000 : 20,
  dockerfileRuns: full ? 10_000 : 500,
  dockerfilesPerRun: 5,
};
