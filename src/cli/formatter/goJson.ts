/**
 * JSON as the daemon's encoder writes it (Go encoding/json with HTML
 * escaping on, then indented by the CLI): `<`, `>` and `&` inside strings
 * become `\u003c`, `\u003e`, `\u0026`, and U+2028/U+2029 are escaped too.
 * The template function `json` turns HTML escaping off, so it does not use this.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * `json.MarshalIndent(value, "", indent)`-style text. The escaped characters
 * can only occur inside string literals of JSON text, so replacing them
 * everywhere is safe.
 */
export function goJsonIndent(value: unknown, indent = '    '): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (ch) => ESCAPES[ch]);
}
