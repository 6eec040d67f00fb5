import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ } from './config.js';
import { dockerfileProperty } from './dockerfileSuite.js';
import { newStats } from './lineSuite.js';

describe('fuzz: Dockerfiles parsed, linted and built', () => {
  it(`${FUZZ.dockerfileRuns} random Dockerfiles build or fail in BuildKit's words, and rebuild from cache`, async () => {
    await fc.assert(dockerfileProperty(newStats(), FUZZ.dockerfilesPerRun), { numRuns: FUZZ.dockerfileRuns / FUZZ.dockerfilesPerRun, seed: FUZZ.seed });
  }, 600_000);
});
