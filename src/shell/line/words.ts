/** Word motions over the edit buffer, as readline defines them. */

const WORD_CHAR = /[A-Za-z0-9]/;

/** Alt-B / Ctrl-Left: back to the start of the previous alphanumeric word. */
export function wordStart(buf: string, cur: number): number {
  let i = cur;
  while (i > 0 && !WORD_CHAR.test(buf[i - 1])) i--;
  while (i > 0 && WORD_CHAR.test(buf[i - 1])) i--;
  return i;
}

/** Alt-F / Ctrl-Right: forward to the end of the next alphanumeric word. */
export function wordEnd(buf: string, cur: number): number {
  let i = cur;
  while (i < buf.length && !WORD_CHAR.test(buf[i])) i++;
  while (i < buf.length && WORD_CHAR.test(buf[i])) i++;
  return i;
}

/** Ctrl-W deletes back to the previous whitespace (readline's unix-word-rubout). */
export function unixWordStart(buf: string, cur: number): number {
  let i = cur;
  while (i > 0 && buf[i - 1] === ' ') i--;
  while (i > 0 && buf[i - 1] !== ' ') i--;
  return i;
}
