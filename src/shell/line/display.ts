/**
 * Cursor arithmetic for a line that may wrap. Positions count cells from the
 * start of the prompt's row; the editor keeps the terminal cursor at the cell
 * its position names (a line that exactly fills a row is followed by `\r\n`,
 * so the terminal never sits in its "pending wrap" state).
 */

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]/g;

/** Cells a string occupies, ignoring escape sequences. Every code point counts as one cell. */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** The escape sequence that moves the cursor from cell `from` to cell `to`. */
export function moveCursor(from: number, to: number, columns: number): string {
  const fromRow = Math.floor(from / columns);
  const toRow = Math.floor(to / columns);
  const toCol = to % columns;
  const fromCol = from % columns;
  let out = '';
  if (toRow < fromRow) out += `\x1b[${fromRow - toRow}A`;
  else if (toRow > fromRow) out += `\x1b[${toRow - fromRow}B`;
  if (toCol === fromCol) return out;
  if (toCol === 0) return out + '\r';
  return out + (toCol > fromCol ? `\x1b[${toCol - fromCol}C` : `\x1b[${fromCol - toCol}D`);
}

/** `\r\n` when `position` is exactly at a row boundary, so the cursor really moves to the next row. */
export function wrapFix(position: number, columns: number): string {
  return position > 0 && position % columns === 0 ? '\r\n' : '';
}

/**
 * The completion list as readline prints it: columns two cells wider than the
 * longest entry, entries running down the columns, trailing spaces trimmed.
 */
export function formatColumns(items: readonly string[], columns: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map((item) => visibleWidth(item))) + 2;
  let perRow = Math.floor(columns / width);
  if (perRow !== 1 && perRow * width === columns) perRow--;
  if (perRow < 1) perRow = 1;
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const index = c * rows + r;
      if (index >= items.length) break;
      const item = items[index];
      line += (c * rows + r + rows < items.length ? item.padEnd(width + item.length - visibleWidth(item)) : item);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The longest prefix shared by every candidate. */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let prefix = items[0];
  for (const item of items) {
    let i = 0;
    while (i < prefix.length && i < item.length && prefix[i] === item[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

const JOIN_WITH_SPACE = /(?:^|\s)(?:do|then|else|elif|\{|\(|\||&&|\|\||;)$/;

/**
 * A multi-line command as one history line, the way bash's cmdhist stores it:
 * lines joined with `; ` except after words that already open a body.
 */
export function flattenCommand(lines: readonly string[]): string {
  let out = '';
  let continued = false;
  for (const line of lines) {
    const escaped = line.endsWith('\\');
    const body = escaped ? line.slice(0, -1) : line;
    if (out === '' || continued) out += continued ? body.trimStart() : body;
    else if (body.trim() !== '') {
      const previous = out.trimEnd();
      out = previous + (JOIN_WITH_SPACE.test(previous) ? ' ' : '; ') + body.trim();
    }
    continued = escaped;
  }
  return out;
}
