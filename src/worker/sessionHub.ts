/**
 * The terminal sessions of one worker, keyed by the UI's tab id. Output and
 * state changes are batched per task (one message per burst, not per
 * character) and output is kept as a bounded scrollback, so a terminal view
 * that mounts again (React StrictMode, a re-created tab) is redrawn from it.
 * Back at the prompt (or exited), the batch goes at once: the page need not
 * wait for the batch's task, and a quick command's echo, output and prompt
 * reach it as one message, which xterm parses in the same task.
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
  /** States entered since the last message, in order. */
  states: SessionStatus[];
  flushQueued: boolean;
}

/** States the page should hear without waiting for the batch's task. */
const AT_ONCE: ReadonlySet<SessionStatus> = new Set(['prompt', 'exited']);

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
    const entry: Entry = { session, callbacks: undefined, scrollback: '', pending: '', states: [], flushQueued: false };
    box.entry = entry;
    this.entries.set(id, entry);
    session.onStateChange((state) => {
      onStatus(state);
      entry.states.push(state);
      if (AT_ONCE.has(state)) this.flush(entry);
      else this.queue(entry);
    });
    return session;
  }

  /** Connects a view; it first receives the scrollback so far. */
  attach(id: string, callbacks: SessionCallbacks): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.callbacks = callbacks;
    entry.pending = '';
    entry.states = [];
    send(callbacks, entry.scrollback, [entry.session.state]);
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
    this.queue(entry);
  }

  private queue(entry: Entry): void {
    if (entry.flushQueued) return;
    entry.flushQueued = true;
    this.defer(() => this.flush(entry));
  }

  private flush(entry: Entry): void {
    entry.flushQueued = false;
    const { pending: text, states } = entry;
    entry.pending = '';
    entry.states = [];
    if (entry.callbacks && (text !== '' || states.length > 0)) send(entry.callbacks, text, states);
  }
}

/** Long text goes in pieces of CHUNK_CHARS; the states ride with the last. */
function send(callbacks: SessionCallbacks, text: string, states: readonly SessionStatus[]): void {
  let at = 0;
  for (; text.length - at > CHUNK_CHARS; at += CHUNK_CHARS) callbacks.update(text.slice(at, at + CHUNK_CHARS), []);
  callbacks.update(text.slice(at), states);
}
