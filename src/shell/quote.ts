/** Quoting a string back into shell source: for completion, `set -x` and command reconstruction. */

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a string so the shell reads it back as exactly one word with the same text. */
export function quoteForShell(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
