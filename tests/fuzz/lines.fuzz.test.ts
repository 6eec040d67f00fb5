import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ } from './config.js';
import { lineProperty, newStats } from './lineSuite.js';

describe('fuzz: shell and docker CLI command lines', () => {
  it(`${FUZZ.lineRuns * FUZZ.linesPerRun} random lines keep the engine consistent`, async () => {
    await fc.assert(lineProperty(newStats(), FUZZ.linesPerRun), { numRuns: FUZZ.lineRuns, seed: FUZZ.seed });
  }, 600_000);
});
