/**
 * Go's text/tabwriter as docker configures it (minwidth 10, padding 3, pad
 * with spaces, no flags): tab-terminated cells form columns block by block,
 * each column is as wide as its widest cell plus 3 (at least 10), and the
 * last cell of a line is never padded, so lines carry no trailing spaces.
 */

import { stringWidth } from './displayWidth.js';
import { MIN_REMEMBERED_ROWS, rememberTable, rememberedTable, sameColumns, sameRow, type RememberedRow } from './tableLines.js';

const MIN_WIDTH = 10;
const PADDING = 3;

/** Display width: docker's fork measures cells with go-runewidth (`…` is one column, CJK two). */
const width = stringWidth;

export function tabwrite(text: string, minWidth = MIN_WIDTH, padding = PADDING): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  return layout(lines, minWidth, padding) + (trailingNewline ? '\n' : '');
}

/**
 * The same layout for a table given as rows of cells, as docker's default
 * tables are built: no text is joined with tabs only to be split again
 * (`ps -a` at 1,000 containers: 8,000 cells). A cell holding a tab or a
 * newline would be more than one cell to Go; such a table goes the text way.
 * A long table reuses the unchanged lines of the last one of its kind
 * (tableLines.ts).
 */
export function tabwriteRows(rows: readonly (readonly string[])[], minWidth = MIN_WIDTH, padding = PADDING): string {
  if (rows.length === 0) return '';
  if (sameCellCount(rows)) {
    const text = oneBlock(rows, minWidth, padding, rows.length >= MIN_REMEMBERED_ROWS);
    if (text !== undefined) return `${text}\n`;
  }
  for (const cells of rows) for (const cell of cells) if (BREAK.test(cell)) return tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`, minWidth, padding);
  return `${blocks(rows, minWidth, padding)}\n`;
}

/** A tab or a newline: a cell holding one would be more than one cell to Go. */
const BREAK = /[\t\n]/;

/** The lines laid out, joined by newlines: one pass when every line has the same cells, Go's blocks otherwise. */
function layout(lines: readonly (readonly string[])[], minWidth: number, padding: number): string {
  // Cells split at tabs and newlines hold none, so oneBlock lays them out.
  return (sameCellCount(lines) ? oneBlock(lines, minWidth, padding, false) : undefined) ?? blocks(lines, minWidth, padding);
}

function sameCellCount(lines: readonly (readonly string[])[]): boolean {
  const count = lines[0].length;
  for (const cells of lines) if (cells.length !== count) return false;
  return true;
}

const SPACES = ' '.repeat(128);

function pad(count: number): string {
  return count <= 0 ? '' : count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

/** The display widths of a line's cells but the last (never padded), or undefined if a cell holds a tab or a newline. */
function measureLine(cells: readonly string[]): number[] | undefined {
  const columns = cells.length - 1;
  if (BREAK.test(cells[columns])) return undefined;
  const measured = new Array<number>(columns);
  for (let j = 0; j < columns; j++) {
    if (BREAK.test(cells[j])) return undefined;
    measured[j] = width(cells[j]);
  }
  return measured;
}

/**
 * Every line has the same cells (a docker table): then the whole text is
 * one block and each column is simply as wide as its widest cell, which
 * `blocks` reaches by a longer road. Undefined if a cell holds a tab or a
 * newline. With `remember`, lines of the last table of this kind whose
 * cells and column widths are unchanged are reused, and this table is
 * remembered in its place.
 */
function oneBlock(lines: readonly (readonly string[])[], minWidth: number, padding: number, remember: boolean): string | undefined {
  const columns = lines[0].length - 1;
  const last = remember ? rememberedTable(lines[0]) : undefined;
  const known: (RememberedRow | undefined)[] = new Array<RememberedRow | undefined>(lines.length);
  // Every row the same, in the same places: the table is the remembered text (docker ps -a typed again).
  let unchanged = last !== undefined && last.order.length === lines.length;
  const cellWidths: (readonly number[])[] = new Array<number[]>(lines.length);
  const widths: number[] = new Array<number>(columns).fill(minWidth);
  for (let l = 0; l < lines.length; l++) {
    const row = sameRow(last, lines[l]);
    const measured = row ? row.widths : measureLine(lines[l]);
    if (!measured) return undefined;
    known[l] = row;
    unchanged &&= row === last?.order[l];
    cellWidths[l] = measured;
    for (let j = 0; j < columns; j++) if (measured[j] + padding > widths[j]) widths[j] = measured[j] + padding;
  }
  const reuse = sameColumns(last?.columns, widths);
  if (reuse && unchanged && last) return last.text;
  const out: string[] = new Array<string>(lines.length);
  const made: RememberedRow[] = remember ? new Array<RememberedRow>(lines.length) : [];
  for (let l = 0; l < lines.length; l++) {
    const row = known[l];
    if (reuse && row) {
      out[l] = row.line;
      if (remember) made[l] = row;
      continue;
    }
    const cells = lines[l];
    const measured = cellWidths[l];
    let line = '';
    for (let j = 0; j < columns; j++) line += cells[j] + pad(widths[j] - measured[j]);
    out[l] = line + cells[columns];
    if (remember) made[l] = { cells, widths: measured, line: out[l] };
  }
  const text = out.join('\n');
  if (remember) rememberTable(lines[0], widths, made, text);
  return text;
}

/** Go's algorithm: a column runs over consecutive lines that have a cell in it, and is laid out per such block. */
function blocks(lines: readonly (readonly string[])[], minWidth: number, padding: number): string {
  // Each cell is measured once: the column passes below look at the same cells many times.
  const cellWidths = lines.map((cells) => cells.map(width));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let l = from; l < to; l++) {
      const cells = lines[l];
      let line = '';
      cells.forEach((cell, j) => {
        if (j < cells.length - 1 && j < widths.length) line += cell + pad(widths[j] - cellWidths[l][j]);
        else line += cell;
      });
      out.push(line);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      writeLines(start, cur);
      start = cur;
      let w = minWidth;
      for (; cur < line1; cur++) {
        if (column >= lines[cur].length - 1) break;
        w = Math.max(w, cellWidths[cur][column] + padding);
      }
      widths.push(w);
      format(start, cur);
      widths.pop();
      start = cur;
      cur--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
