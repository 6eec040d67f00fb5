/**
 * The "a snapshot round-trips" invariant, shared by the fuzzers and the
 * persistence tests: restoring a snapshot into a fresh engine and taking a
 * snapshot again must give the same data. Each domain checks its own
 * structural invariants (SnapshotPart.checkInvariants); this compares whole
 * snapshots and names the first place they differ, so a failure says what
 * was lost rather than "objects differ".
 */
import type { EngineSnapshot } from '../api.js';

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The first path where `a` and `b` differ as JSON data, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${describe(a)} became ${describe(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // An absent key and an undefined one serialise alike: both are "not there".
  const keys = new Set([...Object.keys(left), ...Object.keys(right)].filter((k) => left[k] !== undefined || right[k] !== undefined));
  for (const key of [...keys].sort()) {
    const d = firstDifference(left[key], right[key], `${path}.${key}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * Problems with a round trip: `before` is a snapshot, `after` the snapshot of
 * a fresh engine restored from `before`'s JSON text (what storage keeps).
 */
export function roundTripProblems(before: EngineSnapshot, after: EngineSnapshot): string[] {
  const reread = JSON.parse(JSON.stringify(before)) as unknown;
  const lossy = firstDifference(before, reread);
  if (lossy) return [`snapshot: not plain JSON data: ${lossy}`];
  const d = firstDifference(reread, after);
  return d ? [`snapshot: restore changed ${d}`] : [];
}
