/**
 * The laid-out lines of the last long table of each kind, so that the same
 * listing asked for again (`docker ps -a` with 1,000 containers, typed over
 * and over) reuses each unchanged row instead of measuring and padding its
 * cells anew: a round trip has 16 ms (PRODUCT.md §7), and measuring and
 * padding 8,000 cells took a fifth of it in the worker.
 *
 * A row is reused only when every cell is the same string and every column
 * has the same width as when its line was made, so the output is exactly
 * what laying the table out afresh gives (tabwriter.test.ts checks this).
 */

/** Shorter tables are laid out afresh: they are quick, and must not push out a long one of the same kind. */
export const MIN_REMEMBERED_ROWS = 100;
/** Table kinds (header rows) remembered at once. */
const KINDS = 8;

export interface RememberedRow {
  readonly cells: readonly string[];
  /** The display widths of the cells but the last. */
  readonly widths: readonly number[];
  /** The line as laid out with `columns`. */
  readonly line: string;
}

interface Table {
  readonly columns: readonly number[];
  /** The rows in the order laid out, and the text they made. */
  readonly order: readonly RememberedRow[];
  readonly text: string;
  /** By first cell (an ID for docker's tables); a repeated first cell keeps its first row. */
  readonly rows: ReadonlyMap<string, RememberedRow>;
}

const tables = new Map<string, Table>();

function kindOf(header: readonly string[]): string {
  return header.join('\t');
}

/** The remembered table of this header's kind, if any. */
export function rememberedTable(header: readonly string[]): Table | undefined {
  return tables.get(kindOf(header));
}

/** Remembers the rows just laid out with `columns` into `text`, in place of the kind's previous table. */
export function rememberTable(header: readonly string[], columns: readonly number[], rows: readonly RememberedRow[], text: string): void {
  const byFirst = new Map<string, RememberedRow>();
  for (const row of rows) if (!byFirst.has(row.cells[0])) byFirst.set(row.cells[0], row);
  const kind = kindOf(header);
  tables.delete(kind);
  if (tables.size >= KINDS) tables.delete(tables.keys().next().value as string);
  tables.set(kind, { columns, order: rows, rows: byFirst, text });
}

/** The remembered row for these cells, if every cell is the same. */
export function sameRow(table: Table | undefined, cells: readonly string[]): RememberedRow | undefined {
  const row = table?.rows.get(cells[0]);
  if (!row || row.cells.length !== cells.length) return undefined;
  for (let j = 1; j < cells.length; j++) if (row.cells[j] !== cells[j]) return undefined;
  return row;
}

export function sameColumns(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}
