/** docker/cli's display helpers: TruncateID, Ellipsis, strconv.Quote. */
import { isWide } from './displayWidth.js';
import { goQuote } from '../../engine/index.js';

export function truncateId(id: string): string {
  const hex = id.startsWith('sha256:') ? id.slice(7) : id;
  return hex.slice(0, 12);
}

/**
 * formatter.Ellipsis: text wider than `max` display columns keeps what fits
 * in max-1 columns plus `…`; wide (CJK) characters count two columns.
 */
export function ellipsis(text: string, max: number): string {
  if (max <= 0) return '';
  // Plain ASCII (nearly every command) is one column per character: Go's Ellipsis takes the same shortcut.
  if (/^[\x00-\x7f]*$/.test(text)) {
    if (text.length <= max) return text;
    return max === 1 ? text[0] : `${text.slice(0, max - 1)}…`;
  }
  const chars = [...text];
  if (max === 1) return chars[0] ?? '';
  const ends: number[] = [];
  let total = 0;
  for (const ch of chars) {
    total += isWide(ch.codePointAt(0)!) ? 2 : 1;
    ends.push(total);
  }
  if (total <= max) return text;
  let keep = 0;
  while (keep < chars.length && ends[keep] <= max - 1) keep++;
  // Go's loop finds no cut when even the first character is too wide, and keeps the text whole.
  if (keep === 0) return text;
  return `${chars.slice(0, keep).join('')}…`;
}

/** Go's strconv.Quote: one implementation, the engine's. */
export { goQuote };

/** Go's time.Time.String() for a UTC instant: `2026-01-15 10:00:00 +0000 UTC`. */
export function goTimeString(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}
