/**
 * Reads the container's stdin a line at a time for `input()` and the REPL. A
 * read abandoned by Ctrl-C is kept, so the line typed next is not lost.
 */
import type { InputStream } from '../../../os/process.js';

export const INTERRUPTED = Symbol('interrupted');

export class LineReader {
  private buffer = '';
  private eof = false;
  private pending: Promise<string | null> | undefined;

  constructor(private readonly stdin: InputStream) {}

  /** The next line without its `\n`; the unterminated rest at EOF; null at EOF; INTERRUPTED if `interrupt` wins. */
  async readLine(interrupt: Promise<typeof INTERRUPTED>): Promise<string | null | typeof INTERRUPTED> {
    while (!this.buffer.includes('\n') && !this.eof) {
      this.pending ??= this.stdin.read();
      const chunk = await Promise.race([this.pending, interrupt]);
      if (chunk === INTERRUPTED) return INTERRUPTED;
      this.pending = undefined;
      if (chunk === null) this.eof = true;
      else this.buffer += chunk;
    }
    const nl = this.buffer.indexOf('\n');
    if (nl < 0) {
      if (this.buffer === '') return null;
      const rest = this.buffer;
      this.buffer = '';
      return rest;
    }
    const line = this.buffer.slice(0, nl);
    this.buffer = this.buffer.slice(nl + 1);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** Everything left, for `python` reading a script from stdin. */
  async readAll(): Promise<string> {
    while (!this.eof) {
      this.pending ??= this.stdin.read();
      const chunk = await this.pending;
      this.pending = undefined;
      if (chunk === null) this.eof = true;
      else this.buffer += chunk;
    }
    const all = this.buffer;
    this.buffer = '';
    return all;
  }
}
