import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitCells, type Measured, type TerminalSize } from './terminalSize.js';

/**
 * What @xterm/addon-fit 0.11 proposes for a terminal of `current` size, with
 * the cell xterm 6's DOM renderer derives from the measured character
 * (DomRenderer._updateDimensions, letterSpacing 0, lineHeight 1), written
 * out from their sources independently of terminalSize.ts.
 */
function fitAddonProposes(m: Measured, current: TerminalSize): TerminalSize {
  const deviceCharWidth = m.charWidth * m.dpr;
  const deviceCharHeight = Math.ceil(m.charHeight * m.dpr);
  const cssCanvasWidth = Math.round((deviceCharWidth * current.cols) / m.dpr);
  const cssCanvasHeight = Math.round((Math.floor(deviceCharHeight * 1) * current.rows) / m.dpr);
  return {
    cols: Math.max(2, Math.floor(m.width / (cssCanvasWidth / current.cols))),
    rows: Math.max(1, Math.floor(m.height / (cssCanvasHeight / current.rows))),
  };
}

describe('fitCells', () => {
  it('gives 57 × 24 for DejaVu Sans Mono at 14px (8.43 × 17 px) in a 486 × 420 room', () => {
    expect(fitCells({ charWidth: 8.4296875, charHeight: 17, width: 486, height: 420, dpr: 1 })).toEqual({ cols: 57, rows: 24 });
  });

  const measured = (dpr: fc.Arbitrary<number>) =>
    fc.record({
      charWidth: fc.double({ min: 4, max: 20, noNaN: true }),
      charHeight: fc.double({ min: 8, max: 40, noNaN: true }),
      width: fc.integer({ min: 40, max: 4000 }),
      height: fc.integer({ min: 20, max: 3000 }),
      dpr,
    });

  it('is a size the fit addon leaves alone, so the terminal is not resized after it opens, unless no size is (the addon itself then flips between two on every fit)', () => {
    fc.assert(
      fc.property(measured(fc.constantFrom(1, 1.25, 1.5, 2, 3)), (m) => {
        const size = fitCells(m);
        const proposed = fitAddonProposes(m, size);
        if (proposed.cols === size.cols && proposed.rows === size.rows) return;
        expect(fitAddonProposes(m, proposed)).toEqual(size);
        expect(fitAddonProposes(m, fitAddonProposes(m, proposed))).not.toEqual(fitAddonProposes(m, proposed));
      }),
      { numRuns: 2000 },
    );
  });

  it('never goes below the fit addon\'s minimum of 2 columns and 1 row', () => {
    expect(fitCells({ charWidth: 9, charHeight: 17, width: 3, height: 2, dpr: 1 })).toEqual({ cols: 2, rows: 1 });
  });
});
