/**
 * Shared, line-aware standard input. `read` takes one line and must leave the
 * rest for the next command reading the same stream (`printf 'a\nb\n' | while
 * read x; …`), so every command of a shell sees one BufferedInput per stream.
 */
import type { InputStream } from '../os/process.js';

export class BufferedInput implements InputStream {
  private pending = '';
  private eof = false;

  constructor(private readonly source: InputStream) {}

  /** Wraps a stream once; wrapping a BufferedInput returns it unchanged. */
  static of(stream: InputStream): BufferedInput {
    if (stream instanceof BufferedInput) return stream;
    let wrapped = cache.get(stream);
    if (!wrapped) {
      wrapped = new BufferedInput(stream);
      cache.set(stream, wrapped);
    }
    return wrapped;
  }

  async read(): Promise<string | null> {
    if (this.pending !== '') {
      const out = this.pending;
      this.pending = '';
      return out;
    }
    if (this.eof) return null;
    const chunk = await this.source.read();
    if (chunk === null) this.eof = true;
    return chunk;
  }

  /** One line without its `\n`, or null at end of input. A last line without `\n` is still returned. */
  async readLine(): Promise<{ line: string; complete: boolean } | null> {
    for (;;) {
      const nl = this.pending.indexOf('\n');
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        return { line, complete: true };
      }
      const chunk = this.eof ? null : await this.source.read();
      if (chunk === null) {
        this.eof = true;
        if (this.pending === '') return null;
        const line = this.pending;
        this.pending = '';
        return { line, complete: false };
      }
      this.pending += chunk;
    }
  }
}

const cache = new WeakMap<InputStream, BufferedInput>();
