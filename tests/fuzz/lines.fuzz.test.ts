import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ } from './config.js';
import { lineProperty, newStats } from './lineSuite.js';

describe('fuzz: shell and docker CLI command lines', () => {
  it(`${FUZZ.lineRuns * FUZZ.linesPerRun} random lines keep the engine consistent`, async () => {
    const stats = newStats();
    await fc.assert(lineProperty(stats, FUZZ.linesPerRun), { numRuns: FUZZ.lineRuns, seed: FUZZ.seed });
    expect(stats.lines).toBe(FUZZ.lineRuns * FUZZ.linesPerRun);
  }, 600_000);
});
