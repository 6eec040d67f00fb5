import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ } from './config.js';
import { engineProperty } from './engineSuite.js';
import { newStats } from './lineSuite.js';

describe('fuzz: engine operations against a model', () => {
  it(`${FUZZ.engineRuns} sequences of up to ${FUZZ.engineOpsPerRun} operations agree with the model`, async () => {
    const stats = newStats();
    await fc.assert(engineProperty(stats, FUZZ.engineOpsPerRun), { numRuns: FUZZ.engineRuns, seed: FUZZ.seed });
    // fc.commands picks 0–25 operations per run: about 500 lines in all.
    expect(stats.lines).toBeGreaterThan(FUZZ.engineRuns * 6);
  }, 600_000);
});
