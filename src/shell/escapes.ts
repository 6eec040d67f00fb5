/** Backslash escapes shared by `$'…'`, `echo -e` and `printf`. */

/** Decodes one backslash escape of `$'…'` / `echo -e` starting after the backslash. Returns [text, chars used]. */
export function decodeEscape(src: string, at: number): [string, number] {
  const c = src[at];
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  if (c === undefined) return ['\\', 0];
  if (c in simple) return [simple[c], 1];
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(at + 1, at + 3));
    if (m) return [String.fromCharCode(parseInt(m[0], 16)), 1 + m[0].length];
  }
  if (c === 'u' || c === 'U') {
    const m = (c === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(src.slice(at + 1, at + 9));
    if (m) return [String.fromCodePoint(parseInt(m[0], 16)), 1 + m[0].length];
  }
  const oct = /^[0-7]{1,3}/.exec(src.slice(at, at + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), oct[0].length];
  return ['\\' + c, 1];
}
