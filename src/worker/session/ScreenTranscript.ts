/**
 * Turns terminal output into a plain transcript: what the screen finally
 * showed, without colour codes. Programs that redraw in place (BuildKit's tty
 * progress, pull progress bars, the line editor) move the cursor up and
 * overwrite; replaying those moves on a small screen model leaves exactly the
 * final frame. Lines far enough above the cursor can no longer change and are
 * handed out as they settle.
 */

const CSI = /^\x1b\[([0-9;?<=>]*)([ -/]*)([@-~])/;
const OSC = /^\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/;

export class ScreenTranscript {
  private lines: string[] = [''];
  private row = 0;
  private col = 0;
  private pending = '';

  /** Rows above the cursor that may still be redrawn; older rows are final. */
  constructor(private readonly window = 200) {}

  write(text: string): void {
    let data = this.pending + text;
    this.pending = '';
    while (data.length > 0) {
      const ch = data[0];
      if (ch === '\x1b') {
        const csi = CSI.exec(data);
        const osc = csi ? null : OSC.exec(data);
        if (csi) {
          this.control(csi[1], csi[3]);
          data = data.slice(csi[0].length);
        } else if (osc) {
          data = data.slice(osc[0].length);
        } else if (data.length < 3 && /^\x1b(\[[0-9;?]*|\])?$/.test(data)) {
          // An escape split across writes: wait for the rest.
          this.pending = data;
          return;
        } else {
          data = data.slice(Math.min(2, data.length));
        }
        continue;
      }
      const run = /^[^\x00-\x1f\x7f]+/.exec(data);
      if (run) {
        this.put(run[0]);
        data = data.slice(run[0].length);
        continue;
      }
      this.controlChar(ch);
      data = data.slice(1);
    }
  }

  /** Lines far enough above the cursor that no redraw can reach them, each ending in `\n`. */
  take(): string {
    return this.flush(this.row - this.window);
  }

  /** Every line above the cursor's: for when the terminal waits for input and nothing is redrawing. */
  takeSettled(): string {
    return this.flush(this.row);
  }

  /** Everything, the cursor's line included (unless empty): the end of the session. */
  takeAll(): string {
    const last = this.lines.length - 1;
    const out = this.flush(this.lines[last] === '' ? last : last + 1);
    this.lines = [''];
    this.row = 0;
    this.col = 0;
    return out;
  }

  private flush(count: number): string {
    const n = Math.min(count, this.lines.length);
    if (n <= 0) return '';
    const done = this.lines.splice(0, n);
    if (this.lines.length === 0) this.lines.push('');
    this.row = Math.max(0, this.row - n);
    return done.map((line) => line.trimEnd() + '\n').join('');
  }

  private put(text: string): void {
    const line = this.lines[this.row];
    const padded = line.length < this.col ? line.padEnd(this.col) : line;
    this.lines[this.row] = padded.slice(0, this.col) + text + padded.slice(this.col + text.length);
    this.col += text.length;
  }

  private controlChar(ch: string): void {
    switch (ch) {
      case '\r':
        this.col = 0;
        return;
      case '\n':
        this.row++;
        if (this.row >= this.lines.length) this.lines.push('');
        return;
      case '\b':
        this.col = Math.max(0, this.col - 1);
        return;
      case '\t':
        this.put(' '.repeat(8 - (this.col % 8)));
        return;
      default:
        return;
    }
  }

  private control(params: string, final: string): void {
    const n = Math.max(1, Number.parseInt(params, 10) || 1);
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        return;
      case 'B':
        this.row += n;
        while (this.row >= this.lines.length) this.lines.push('');
        return;
      case 'C':
        this.col += n;
        return;
      case 'D':
        this.col = Math.max(0, this.col - n);
        return;
      case 'G':
        this.col = n - 1;
        return;
      case 'K': {
        const line = this.lines[this.row];
        const mode = Number.parseInt(params, 10) || 0;
        if (mode === 0) this.lines[this.row] = line.slice(0, this.col);
        else if (mode === 1) this.lines[this.row] = ' '.repeat(Math.min(this.col + 1, line.length)) + line.slice(this.col + 1);
        else this.lines[this.row] = '';
        return;
      }
      case 'J': {
        const mode = Number.parseInt(params, 10) || 0;
        // Clearing the whole screen (`clear`, Ctrl-L) has no place in a transcript.
        if (mode !== 0) return;
        this.lines[this.row] = this.lines[this.row].slice(0, this.col);
        this.lines.length = this.row + 1;
        return;
      }
      default:
        // Colours, cursor visibility, cursor home and the rest leave the text alone.
        return;
    }
  }
}
