import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tabwrite, tabwriteRows } from './tabwriter.js';

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
