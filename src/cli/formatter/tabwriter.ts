/**
 * Go's text/tabwriter as docker configures it (minwidth 10, padding 3, pad
 * with spaces, no flags): tab-terminated cells form columns block by block,
 * each column is as wide as its widest cell plus 3 (at least 10), and the
 * last cell of a line is never padded, so lines carry no trailing spaces.
 */

import { stringWidth } from './displayWidth.js';

const MIN_WIDTH = 10;
const PADDING = 3;

/** Display width: docker's fork measures cells with go-runewidth (`…` is one column, CJK two). */
const width = stringWidth;

export function tabwrite(text: string, minWidth = MIN_WIDTH, padding = PADDING): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  // Each cell is measured once: the column passes below look at the same cells many times.
  const cellWidths = lines.map((cells) => cells.map(width));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let l = from; l < to; l++) {
      const cells = lines[l];
      let line = '';
      cells.forEach((cell, j) => {
        if (j < cells.length - 1 && j < widths.length) line += cell + ' '.repeat(Math.max(0, widths[j] - cellWidths[l][j]));
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
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
