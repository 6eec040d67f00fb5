/**
 * The few Go fmt verbs BuildKit uses in history `created_by` strings:
 * `%q` of a string slice (`["node" "app.js"]`), `%v` of a slice (`[/data]`)
 * and of a map (`map[80/tcp:{}]`), and time.Duration's String.
 */

// One strconv.Quote for the whole engine: the parser's is the faithful one.
export { goQuote, goQuoteSlice } from '../../dockerfile/parser/goQuote.js';

export function goSlice(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** `%v` of a map[string]struct{}: keys sorted, as Go's fmt prints maps. */
export function goSetMap(keys: readonly string[]): string {
  return `map[${[...keys].sort().map((k) => `${k}:{}`).join(' ')}]`;
}

/** `%q` of an int prints it as a quoted rune. */
export function goQuoteRune(n: number): string {
  if (n >= 0x20 && n < 0x7f && n !== 0x27 && n !== 0x5c) return `'${String.fromCharCode(n)}'`;
  return `'\\x${n.toString(16).padStart(2, '0')}'`;
}

/** time.Duration.String for whole and fractional seconds (what HEALTHCHECK flags produce). */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const totalSeconds = ns / 1e9;
  if (totalSeconds < 1) {
    if (ns % 1e6 === 0) return `${ns / 1e6}ms`;
    return `${ns / 1e3}µs`;
  }
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds - h * 3600) / 60);
  const s = Number((totalSeconds - h * 3600 - m * 60).toFixed(9));
  let out = '';
  if (h > 0) out += `${h}h`;
  if (h > 0 || m > 0) out += `${m}m`;
  return `${out}${s}s`;
}

/** Parses Go duration text (`30s`, `1m30s`, `500ms`) into nanoseconds; undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    consumed = re.lastIndex;
  }
  return consumed === text.length && consumed > 0 ? Math.round(total) : undefined;
}

/** RFC 3339 with Go's trimmed fractional seconds (`2026-01-15T10:00:01.5Z`). */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_, frac: string) => {
    const trimmed = frac.replace(/0+$/, '');
    return trimmed === '' ? 'Z' : `.${trimmed}Z`;
  });
}
