// Go's strconv.Quote, which the AST dump uses for every argument: escapes
// differ from JSON.stringify (\x00, \a, \v, printable non-ASCII kept as is).
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const NAMED: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
    } else if (ch === ' ' || (cp >= 0x21 && cp < 0x7f) || (cp > 0x7f && PRINTABLE.test(ch) && !isSurrogate(cp))) {
      out += ch;
    } else if (NAMED[ch] !== undefined) {
      out += NAMED[ch];
    } else if (cp < 0x20 || cp === 0x7f) {
      out += '\\x' + hex(cp, 2);
    } else if (isSurrogate(cp)) {
      // A lone surrogate cannot come from valid UTF-8; Go would have seen U+FFFD.
      out += '\uFFFD';
    } else if (cp < 0x10000) {
      out += '\\u' + hex(cp, 4);
    } else {
      out += '\\U' + hex(cp, 8);
    }
  }
  return out + '"';
}

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/** Go's `%q` of a []string: `["a" "b"]`. */
export function goQuoteSlice(items: readonly string[]): string {
  return '[' + items.map(goQuote).join(' ') + ']';
}
