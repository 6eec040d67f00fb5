import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tabwrite, tabwriteRows } from './tabwriter.js';
import { MIN_REMEMBERED_ROWS } from './tableLines.js';

describe('tabwrite (minwidth 10, padding 3)', () => {
  it('pads every column but the last to max(10, widest + 3)', () => {
    const out = tabwrite('CONTAINER ID\tIMAGE\tNAMES\nabc\tbusybox:latest\tc1\n');
    expect(out).toBe('CONTAINER ID   IMAGE            NAMES\nabc            busybox:latest   c1\n');
  });

  it('keeps empty middle cells padded and never pads the last cell', () => {
    expect(tabwrite('A\tPORTS\tNAMES\nx\t\tweb\n')).toBe('A         PORTS     NAMES\nx                   web\n');
  });

  it('counts … as one column', () => {
    expect(tabwrite('"docker-entrypoint.s…"\tx\n"top"\ty\n')).toBe('"docker-entrypoint.s…"   x\n"top"                    y\n');
  });
});

describe('tabwrite: one block or many', () => {
  // Tables whose lines all have the same cells take a shorter road; it must agree with Go's block algorithm,
  // which a ragged table (here: the same cells with one line cut short) still takes.
  const cell = fc.string({ unit: fc.constantFrom('a', 'bb', '…', '世', ' ', '"'), maxLength: 14 });
  it('lays out a uniform table as the same table with a ragged last line would lay out its uniform part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 12 }), (columns, rows) => {
        const uniform = rows.map((r) => r.slice(0, columns).join('\t'));
        const text = `${uniform.join('\n')}\n`;
        const out = tabwrite(text);
        // Appending a one-cell line makes the table ragged (the block algorithm); one-cell lines never join a column.
        const ragged = tabwrite(`${text}end\n`);
        expect(ragged).toBe(`${out}end\n`);
        const lines = out.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(rows.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tabwriteRows', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'bb', '…', '世', ' ', '\t', '"'), maxLength: 10 });
  it('lays out rows of cells exactly as tabwrite lays out the same cells joined by tabs and newlines', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (rows) => {
        expect(tabwriteRows(rows)).toBe(tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('tabwriteRows with the last long table remembered', () => {
  // Long tables reuse the lines of the last table of their kind (tableLines.ts); whatever was remembered, the
  // output must be what laying the same cells out afresh (the text way, which remembers nothing) gives.
  const cell = fc.string({ unit: fc.constantFrom('a', 'bb', '…', '世', ' ', '"'), maxLength: 8 });
  const header = ['ID', 'IMAGE', 'STATUS', 'NAMES'];
  const fresh = (rows: readonly (readonly string[])[]): string => tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`);
  const table = (ids: readonly number[], cells: readonly (readonly string[])[]): string[][] => [
    header,
    ...ids.map((id, i) => [`c${id}`, ...cells[i % cells.length]]),
  ];
  const base = fc.record({
    ids: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: MIN_REMEMBERED_ROWS, maxLength: 140 }),
    cells: fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  });
  // Small edits of the previous table, as between two listings: a cell changes (any column, the unpadded last
  // one too), a row goes, or a row comes.
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cell' as const), row: fc.nat(), column: fc.integer({ min: 0, max: 3 }), text: cell }),
    fc.record({ kind: fc.constant('remove' as const), row: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), row: fc.nat(), id: fc.integer({ min: 0, max: 150 }), cells: fc.array(cell, { minLength: 3, maxLength: 3 }) }),
  );

  it('lays out every table in a sequence of edits exactly as afresh', () => {
    fc.assert(
      fc.property(base, fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), (start, steps) => {
        let rows = table(start.ids, start.cells);
        expect(tabwriteRows(rows)).toBe(fresh(rows));
        for (const edits of steps) {
          rows = rows.map((r) => [...r]);
          for (const e of edits) {
            // Row 0 is the header, which names the table's kind: edits leave it alone.
            const at = 1 + (e.row % (rows.length - 1));
            if (e.kind === 'cell') rows[at][e.column] = e.text;
            else if (e.kind === 'remove' && rows.length > 2) rows.splice(at, 1);
            else if (e.kind === 'add') rows.splice(at, 0, [`c${e.id}`, ...e.cells]);
          }
          expect(tabwriteRows(rows)).toBe(fresh(rows));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the remembered text back only for the same rows in the same places', () => {
    const ids = Array.from({ length: MIN_REMEMBERED_ROWS + 2 }, (_, i) => i);
    const rows = table(ids, [['alpine', 'Created', 'x'], ['nginx', 'Up 2 minutes', 'web']]);
    expect(tabwriteRows(rows)).toBe(fresh(rows));
    const swapped = [rows[0], rows[2], rows[1], ...rows.slice(3)];
    const shorter = rows.slice(0, -1);
    const longer = [...rows, ['c999', 'alpine', 'Created', 'x']];
    for (const next of [rows, swapped, rows, shorter, rows, longer, rows]) expect(tabwriteRows(next)).toBe(fresh(next));
  });

  it('reuses nothing stale when only a column width changes', () => {
    const ids = Array.from({ length: MIN_REMEMBERED_ROWS }, (_, i) => i);
    const before = table(ids, [['alpine', 'Created', 'x']]);
    expect(tabwriteRows(before)).toBe(fresh(before));
    // One new wide cell widens the IMAGE column: every other line must be padded anew.
    const after = [...before, ['c999', 'registry.example.com/team/app:v2', 'Created', 'y']];
    expect(tabwriteRows(after)).toBe(fresh(after));
    // Fresh strings with the same text as the remembered ones (cells are rebuilt at every listing).
    const again = after.map((cells) => cells.map((c) => [...c].join('')));
    expect(tabwriteRows(again)).toBe(fresh(after));
  });
});
