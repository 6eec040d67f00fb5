/**
 * Concrete streams, signals and cancellation for the contracts in process.ts
 * and clock.ts: what the shell uses to wire pipelines, and what tests use to
 * feed input and collect output.
 */
import type { CancelToken } from './clock.js';
import type { InputStream, OutputStream, SignalName, SignalSource } from './process.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function textEncode(text: string): Uint8Array {
  return encoder.encode(text);
}

export function textDecode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * A pipe: what one side writes the other reads, in order. `close()` is the
 * writer hanging up: pending and later reads see end of input (null) once the
 * buffered chunks are drained. Writes after close are dropped, as a pipe with no
 * reader would discard them.
 */
export class Pipe implements InputStream, OutputStream {
  private readonly chunks: string[] = [];
  private readonly waiting: ((chunk: string | null) => void)[] = [];
  private closedFlag = false;

  get closed(): boolean {
    return this.closedFlag;
  }

  write(text: string): void {
    if (this.closedFlag || text === '') return;
    const reader = this.waiting.shift();
    if (reader) reader(text);
    else this.chunks.push(text);
  }

  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift()!);
    if (this.closedFlag) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    for (const reader of this.waiting.splice(0)) reader(null);
  }
}

/** Input already at end of file (`< /dev/null`, a detached container without -i). */
export const emptyInput: InputStream = {
  read: () => Promise.resolve(null),
};

/** Input that yields the given chunks, then end of file. */
export function inputFrom(...chunks: string[]): InputStream {
  const queue = chunks.filter((c) => c !== '');
  return { read: () => Promise.resolve(queue.length > 0 ? queue.shift()! : null) };
}

/** Reads an input stream to its end. */
export async function readAll(input: InputStream): Promise<string> {
  let out = '';
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) out += chunk;
  return out;
}

/** An output that keeps everything written to it. */
export class CollectingOutput implements OutputStream {
  private parts: string[] = [];

  write(text: string): void {
    this.parts.push(text);
  }

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  clear(): void {
    this.parts = [];
  }
}

/** Output that discards everything (`>/dev/null`). */
export const nullOutput: OutputStream = {
  write: () => undefined,
};

/** A signal source that never fires (a background job, a script without a terminal). */
export const noSignals: SignalSource = {
  on: () => () => undefined,
};

/** A signal source whose owner delivers signals with `emit` (the terminal's Ctrl-C, `docker kill`). */
export class SignalEmitter implements SignalSource {
  private readonly listeners = new Set<(signal: SignalName) => void>();

  on(listener: (signal: SignalName) => void): () => void {
    // Wrapped so that subscribing the same function twice gives two independent subscriptions.
    const entry = (signal: SignalName): void => listener(signal);
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  emit(signal: SignalName): void {
    for (const listener of [...this.listeners]) listener(signal);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** A cancel token with its trigger. */
export class CancelSource implements CancelToken {
  private cancelledFlag = false;
  private readonly listeners = new Set<() => void>();

  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  /** The read-only side, to hand to code that must not cancel. */
  get token(): CancelToken {
    return this;
  }

  onCancel(listener: () => void): () => void {
    if (this.cancelledFlag) {
      listener();
      return () => undefined;
    }
    const entry = (): void => listener();
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  cancel(): void {
    if (this.cancelledFlag) return;
    this.cancelledFlag = true;
    const pending = [...this.listeners];
    this.listeners.clear();
    for (const listener of pending) listener();
  }
}
