import { describe, expect, it } from 'vitest';
import { describeCheck, evaluateCheck } from './index.js';
import { stateWith } from '../testing/facts.js';
import type { BuildFact } from '../state.js';

const steps = [
  { index: 1, total: 5, stage: '', instruction: 'FROM docker.io/library/node:latest', cached: true },
  { index: 2, total: 5, stage: '', instruction: 'WORKDIR /app', cached: true },
  { index: 3, total: 5, stage: '', instruction: 'COPY package.json /app', cached: true },
  { index: 4, total: 5, stage: '', instruction: 'RUN npm install', cached: true },
  { index: 5, total: 5, stage: '', instruction: 'COPY . /app', cached: false },
];
const build: BuildFact = { succeeded: true, canceled: false, tags: ['goals:latest'], steps, imageId: 'sha256:' + 'e'.repeat(64) };
const state = stateWith({ lastBuild: build });

describe('build', () => {
  it('checks the outcome and tag of the last build', () => {
    expect(evaluateCheck({ kind: 'build', succeeded: true, tag: 'goals' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'build', tag: 'goals:2.0' }, state).why).toBe('the last build was tagged goals:latest, not goals:2.0');
    expect(evaluateCheck({ kind: 'build', succeeded: false }, state).why).toBe('the last build succeeded');
    expect(evaluateCheck({ kind: 'build' }, stateWith({})).why).toBe('nothing has been built yet');
    const cancelled = stateWith({ lastBuild: { ...build, succeeded: false, canceled: true } });
    expect(evaluateCheck({ kind: 'build', succeeded: false }, cancelled).pass).toBe(true);
    expect(evaluateCheck({ kind: 'build' }, cancelled).why).toBe('the last build was cancelled');
  });
});

describe('buildStep', () => {
  it('finds a step by text or number and checks CACHED', () => {
    expect(evaluateCheck({ kind: 'buildStep', match: 'npm install', cached: true }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'buildStep', match: 'COPY . /app', cached: false }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'buildStep', step: 5, cached: true }, state).why).toBe('step 5 ran again instead of coming from the cache');
    expect(evaluateCheck({ kind: 'buildStep', match: 'npm install', cached: false }, state).why).toBe('the `npm install` step came from the cache (CACHED)');
    expect(evaluateCheck({ kind: 'buildStep', match: 'pip install', cached: true }, state).why).toBe('the last build has no step containing "pip install"');
  });

  it('prefers the final stage of a multi-stage build', () => {
    const multi = stateWith({
      lastBuild: { ...build, steps: [{ index: 2, total: 2, stage: 'deps', instruction: 'RUN npm install', cached: false }, { index: 2, total: 2, stage: '', instruction: 'RUN npm install', cached: true }] },
    });
    expect(evaluateCheck({ kind: 'buildStep', match: 'npm install', cached: true }, multi).pass).toBe(true);
  });

  it('describes what it checks', () => {
    expect(describeCheck({ kind: 'buildStep', match: 'npm install', cached: true })).toBe('the last build used the cache for the `npm install` step');
  });
});
