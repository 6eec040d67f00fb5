import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ } from './config.js';
import { engineProperty } from './engineSuite.js';
import { newStats } from './lineSuite.js';

describe('fuzz: engine operations against a model', () => {
  it(`${FUZZ.engineRuns} sequences of up to ${FUZZ.engineOpsPerRun} operations agree with the model`, async () => {
    await fc.assert(engineProperty(newStats(), FUZZ.engineOpsPerRun), { numRuns: FUZZ.engineRuns, seed: FUZZ.seed });
  }, 600_000);
});
