// Go's time.ParseDuration, for HEALTHCHECK intervals (result in nanoseconds).
const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

export function parseGoDuration(input: string): number {
  const fail = () => new Error(`time: invalid duration ${goQuoteSimple(input)}`);
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw fail();
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') throw fail();
    s = s.slice(m[0].length);
    const u = /^[^\d.]+/.exec(s);
    if (!u) throw new Error(`time: missing unit in duration ${goQuoteSimple(input)}`);
    const unit = UNITS[u[0]];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuoteSimple(u[0])} in duration ${goQuoteSimple(input)}`);
    s = s.slice(u[0].length);
    total += Number(`${m[1] || '0'}.${m[2] ?? ''}0`) * unit;
  }
  return sign * Math.round(total);
}

function goQuoteSimple(s: string): string {
  return JSON.stringify(s);
}

/** Docker's container.MinimumDuration (1ms), in nanoseconds. */
export const MINIMUM_DURATION = 1e6;
