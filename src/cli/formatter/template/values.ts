/**
 * How Go's fmt prints template values (`%v`): maps as `map[k:v]` with sorted
 * keys, slices as `[a b]`, nil as `<nil>`, and a missing map key as `<no value>`.
 */

/** A map lookup that found no key; prints `<no value>` and is falsy. */
export const MISSING = Symbol('noValue');

export function formatValue(value: unknown): string {
  if (value === MISSING) return '<no value>';
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `map[${Object.keys(record)
      .sort()
      .map((k) => `${k}:${formatValue(record[k])}`)
      .join(' ')}]`;
  }
  return String(value);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // Go's %v for float64 is %g with the shortest representation.
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(n);
}

/** Go's template truth: false, 0, nil, and empty strings, slices and maps are false. */
export function isTruthy(value: unknown): boolean {
  if (value === MISSING || value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'function') return true;
  // A struct context (a class instance) is a non-nil pointer in Go: true even with no visible fields.
  if (typeof value === 'object') return Object.getPrototypeOf(value) !== Object.prototype || Object.keys(value).length > 0 || Object.getOwnPropertySymbols(value).length > 0;
  return true;
}
