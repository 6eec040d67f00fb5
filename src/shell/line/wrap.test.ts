import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineEditor } from './LineEditor.js';

/** A minimal xterm: autowrap with the pending-wrap state, cursor moves, erase below. */
class WrappingScreen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  pendingWrap = false;
  constructor(readonly width: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const csi = /^\x1b\[(\d*)([A-Za-z])/.exec(data.slice(i));
      if (csi) {
        this.control(Number(csi[1] || '1'), csi[2], csi[1]);
        i += csi[0].length;
        continue;
      }
      const ch = data[i++];
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.pendingWrap = false;
        this.down(1);
      } else if (ch >= ' ') {
        if (this.pendingWrap) {
          this.pendingWrap = false;
          this.col = 0;
          this.down(1);
        }
        this.line()[this.col] = ch;
        if (this.col === this.width - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row];
  }

  private down(n: number): void {
    this.row += n;
    this.line();
  }

  private control(n: number, final: string, raw: string): void {
    this.pendingWrap = false;
    if (final === 'A') this.row = Math.max(0, this.row - n);
    else if (final === 'B') this.down(n);
    else if (final === 'C') this.col = Math.min(this.width - 1, this.col + n);
    else if (final === 'D') this.col = Math.max(0, this.col - n);
    else if (final === 'J' && raw === '') {
      this.line().length = this.col;
      this.rows.length = this.row + 1;
    }
  }

  text(): string {
    return this.rows.map((r) => Array.from(r, (c) => c ?? ' ').join('')).join('');
  }
}

describe('LineEditor on a wrapping terminal', () => {
  const keys = fc.oneof(
    fc.constantFrom('a', 'bc', 'defgh', 'x y z'),
    fc.constantFrom('\x7f', '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x1b[3~', '\x01', '\x05', '\x15', '\x0b', '\x17', '\x1b[A', '\x1b[B'),
  );

  it('keeps the screen showing prompt + buffer with the cursor in the right cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(keys, { maxLength: 40 }), fc.integer({ min: 4, max: 12 }), async (sequence, width) => {
        const screen = new WrappingScreen(width);
        const editor = new LineEditor({ write: (t) => screen.write(t), onEvent: () => undefined, columns: width });
        editor.history.add('history entry that is long enough to wrap');
        editor.showPrompt('$ ');
        for (const key of sequence) {
          await editor.feed(key);
          expect(screen.text().trimEnd()).toBe(('$ ' + editor.buffer).trimEnd());
          expect(screen.pendingWrap).toBe(false);
          expect(screen.row * width + screen.col).toBe(2 + editor.cursor);
        }
      }),
      { numRuns: 400 },
    );
  });
});
