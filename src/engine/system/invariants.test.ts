import { describe, expect, it } from 'vitest';
import type { EngineSnapshot } from '../api.js';
import { firstDifference, roundTripProblems } from './invariants.js';

const snap = (data: Record<string, unknown>): EngineSnapshot => ({ version: 1, ...data });

describe('snapshot round-trip check', () => {
  it('names the first path that differs, treating absent and undefined keys alike', () => {
    expect(firstDifference({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBeUndefined();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b: 2 became 3');
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('$.a[1]: undefined became 2');
    expect(firstDifference({ a: {} }, { a: [] })).toBe('$.a: {} became []');
  });

  it('reports data JSON cannot keep, and what a restore changed', () => {
    expect(roundTripProblems(snap({ images: [1] }), snap({ images: [1] }))).toEqual([]);
    expect(roundTripProblems(snap({ when: new Date(0) }), snap({}))[0]).toMatch(/^snapshot: not plain JSON data: \$\.when/);
    expect(roundTripProblems(snap({ containers: [{ name: 'web' }] }), snap({ containers: [] }))).toEqual(['snapshot: restore changed $.containers[0]: {"name":"web"} became undefined']);
  });
});
