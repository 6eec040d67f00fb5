/** What typing a lesson line sends to a terminal. */

/** Solution lines that stand for keys (the same spelling as `slipway` transcripts and the validator's replay). */
const KEYS: Readonly<Record<string, string>> = { '^C': '\x03', '^D': '\x04', '^P^Q': '\x10\x11' };

export function isKeyLine(line: string): boolean {
  return KEYS[line.trim()] !== undefined;
}

/** A key's control characters, or the text followed by Enter. */
export function keystrokes(line: string): string {
  return KEYS[line.trim()] ?? `${line}\r`;
}
