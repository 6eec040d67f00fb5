// Go's unicode.IsSpace, which differs from JS `\s` (it has U+0085, lacks U+FEFF).
const UNICODE_SPACES = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export function isSpace(ch: string): boolean {
  return ch.length > 0 && UNICODE_SPACES.has(ch.codePointAt(0)!);
}

export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && UNICODE_SPACES.has(s.charCodeAt(i))) i++;
  return s.slice(i);
}

export function trimRightSpace(s: string): string {
  let j = s.length;
  while (j > 0 && UNICODE_SPACES.has(s.charCodeAt(j - 1))) j--;
  return s.slice(0, j);
}

/** Go strings.TrimSpace. */
export function trimSpace(s: string): string {
  return trimRightSpace(trimLeftSpace(s));
}

/** Go's regexp `[\t\v\f\r ]+`, the separator BuildKit splits words on. */
export const WHITESPACE_RUN = /[\t\v\f\r ]+/;

/** Go regexp.Split(s, n) semantics for n = 2 (at most one split) and n = -1. */
export function splitWhitespace(s: string, limit = -1): string[] {
  if (limit === 2) {
    const m = WHITESPACE_RUN.exec(s);
    if (!m) return [s];
    return [s.slice(0, m.index), s.slice(m.index + m[0].length)];
  }
  return s.split(WHITESPACE_RUN);
}
