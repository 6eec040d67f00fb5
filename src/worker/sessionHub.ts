/**
 * The terminal sessions of one worker, keyed by the UI's tab id. Output is
 * batched per task (one message per burst, not per character) and kept as a
 * bounded scrollback, so a terminal view that mounts again (React StrictMode,
 * a re-created tab) is redrawn from it. A change of state (back at the
 * prompt) first sends the output before it, so the page hears "prompt" after
 * the prompt itself and need not wait for the batch's task.
 */
import type { TerminalSession } from './session/TerminalSession.js';
import type { SessionCallbacks, SessionStatus } from './protocol.js';

const SCROLLBACK_CHARS = 64 * 1024;
/**
 * Long output goes in pieces of this size. Each piece is a task in the page
 * and xterm parses in time slices anyway: `docker ps -a` with 1,000
 * containers (~100 kB) took 13 messages at 8 KiB.
 */
const CHUNK_CHARS = 128 * 1024;

export type Defer = (task: () => void) => void;

interface Entry {
  readonly session: TerminalSession;
  callbacks: SessionCallbacks | undefined;
  scrollback: string;
  pending: string;
  flushQueued: boolean;
}

export class SessionHub {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly defer: Defer) {}

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): TerminalSession | undefined {
    return this.entries.get(id)?.session;
  }

  sessions(): TerminalSession[] {
    return [...this.entries.values()].map((e) => e.session);
  }

  /** Adds a session; `create` receives the write function it must use. */
  add(id: string, create: (write: (text: string) => void) => TerminalSession, onStatus: (status: SessionStatus) => void): TerminalSession {
    const box: { entry?: Entry } = {};
    const session = create((text) => box.entry && this.write(box.entry, text));
    const entry: Entry = { session, callbacks: undefined, scrollback: '', pending: '', flushQueued: false };
    box.entry = entry;
    this.entries.set(id, entry);
    session.onStateChange((state) => {
      this.flush(entry);
      onStatus(state);
      entry.callbacks?.status(state);
    });
    return session;
  }

  /** Connects a view; it first receives the scrollback so far. */
  attach(id: string, callbacks: SessionCallbacks): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.callbacks = callbacks;
    entry.pending = '';
    for (let i = 0; i < entry.scrollback.length; i += CHUNK_CHARS) callbacks.output(entry.scrollback.slice(i, i + CHUNK_CHARS));
    callbacks.status(entry.session.state);
  }

  close(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  private write(entry: Entry, text: string): void {
    entry.scrollback += text;
    if (entry.scrollback.length > SCROLLBACK_CHARS * 2) entry.scrollback = entry.scrollback.slice(-SCROLLBACK_CHARS);
    entry.pending += text;
    if (entry.flushQueued) return;
    entry.flushQueued = true;
    this.defer(() => this.flush(entry));
  }

  private flush(entry: Entry): void {
    entry.flushQueued = false;
    const text = entry.pending;
    entry.pending = '';
    if (!entry.callbacks) return;
    for (let i = 0; i < text.length; i += CHUNK_CHARS) entry.callbacks.output(text.slice(i, i + CHUNK_CHARS));
  }
}
