import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ } from './config.js';
import { dockerfileProperty } from './dockerfileSuite.js';
import { newStats } from './lineSuite.js';

describe('fuzz: Dockerfiles parsed, linted and built', () => {
  it(`${FUZZ.dockerfileRuns} random Dockerfiles build or fail in BuildKit's words, and rebuild from cache`, async () => {
    const stats = newStats();
    await fc.assert(dockerfileProperty(stats, FUZZ.dockerfilesPerRun), { numRuns: FUZZ.dockerfileRuns / FUZZ.dockerfilesPerRun, seed: FUZZ.seed });
    expect(stats.dockerfiles).toBe(FUZZ.dockerfileRuns);
    // The generator is mostly valid: a good share must build, or the cache checks would test nothing.
    expect(stats.builtOk).toBeGreaterThan(FUZZ.dockerfileRuns / 4);
  }, 600_000);
});
