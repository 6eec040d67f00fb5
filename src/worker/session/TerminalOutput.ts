/**
 * The session's path to the terminal. Programs write `\n`; the terminal needs
 * `\r\n`. It also tracks the cursor column, so that a program's cooked read
 * knows where its input starts and the prompt never lands mid-line.
 */
import type { OutputStream } from '../../os/process.js';

const ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]|[\x00-\x07\x0e-\x1f]/g;

export class TerminalOutput {
  private col = 0;
  private lastWasCr = false;

  constructor(private readonly sink: (text: string) => void) {}

  /** Column of the cursor after everything written so far (0-based). */
  get column(): number {
    return this.col;
  }

  get atLineStart(): boolean {
    return this.col === 0;
  }

  /** Terminal text, written as is. */
  write(text: string): void {
    if (text === '') return;
    this.track(text);
    this.sink(text);
  }

  /** A stream for programs: lone `\n` become `\r\n`. */
  stream(): OutputStream {
    return {
      write: (text: string) => {
        if (text === '') return;
        // A `\r\n` split across two writes must not become `\r\r\n`.
        const head = this.lastWasCr && text.startsWith('\n') ? '\n' : '';
        this.write(head + text.slice(head.length).replace(/(?<!\r)\n/g, '\r\n'));
      },
    };
  }

  private track(text: string): void {
    this.lastWasCr = text.endsWith('\r');
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    const tail = text.slice(lastBreak + 1).replace(ESCAPE, '');
    if (lastBreak >= 0) this.col = 0;
    if (/\x1b\[[0-9]*[HJ]/.test(text.slice(lastBreak + 1))) this.col = 0;
    this.col += [...tail].length;
  }
}
