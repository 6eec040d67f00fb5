/**
 * Undo of the engine changes of the last commands in a space: the engine is
 * snapshotted when a command leaves the prompt, and the snapshot is kept only
 * if the engine changed while it ran (`ls` leaves nothing to undo). Files are
 * not part of it: the editor has its own undo, and a workspace rollback would
 * silently throw away edits made since.
 */
import type { Engine, EngineSnapshot } from '../../engine/index.js';

/** Snapshots are whole engines: a few levels are plenty and bound the memory. */
const DEPTH = 5;

export interface UndoEntry {
  readonly command: string;
  readonly snapshot: EngineSnapshot;
  /** Containers running before the command: a restore brings containers back stopped, so these are started again. */
  readonly running: readonly string[];
}

interface Pending {
  readonly entry: UndoEntry;
  readonly eventsAtStart: number;
}

/** docker commands that only read the engine: no snapshot is taken for them. */
const READ_ONLY = new Set(['ps', 'images', 'inspect', 'logs', 'version', 'info', 'history', 'port', 'top', 'stats', 'events', 'search', 'diff', 'help', '--help', '--version', '-v']);
const READ_ONLY_GROUP = new Set(['ls', 'list', 'inspect', 'logs', 'history', 'port', 'top', 'stats', 'diff', 'df']);

/**
 * Whether a command line may change the engine, so that it is worth a
 * snapshot (a whole-engine copy: ~10 ms at 1,000 containers, too much to pay
 * on every `ls` or `docker ps`). Lines that never name docker cannot; a single
 * plain docker command that only reads (ps, images, logs, inspect…) does not.
 * Anything else (pipes, lists, substitutions) is snapshotted to be safe.
 */
export function mayChangeEngine(line: string): boolean {
  if (!/\bdocker\b/.test(line)) return false;
  if (/[;&|`<>]|\$\(/.test(line)) return true;
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'docker') return true;
  const [first, second] = words.slice(1).filter((word) => !word.startsWith('-') || word === '--help' || word === '--version' || word === '-v');
  if (first === undefined || READ_ONLY.has(first)) return false;
  return !((first === 'container' || first === 'image' || first === 'system') && second !== undefined && READ_ONLY_GROUP.has(second));
}

export class UndoStack {
  private readonly entries: UndoEntry[] = [];
  private readonly pending = new Map<string, Pending>();

  /** A command starts in terminal `session`; `events` counts engine events so far. */
  begin(session: string, command: string, engine: Engine, events: number): void {
    this.pending.delete(session);
    if (!mayChangeEngine(command)) return;
    const running = engine.containers
      .list()
      .filter((c) => c.state === 'running')
      .map((c) => c.id);
    this.pending.set(session, { entry: { command, snapshot: engine.system.snapshot(), running }, eventsAtStart: events });
  }

  /** The command ended: it becomes undoable if the engine emitted events meanwhile. */
  end(session: string, events: number): void {
    const pending = this.pending.get(session);
    this.pending.delete(session);
    if (!pending || events === pending.eventsAtStart) return;
    this.entries.push(pending.entry);
    if (this.entries.length > DEPTH) this.entries.shift();
  }

  peek(): UndoEntry | undefined {
    return this.entries.at(-1);
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  clear(): void {
    this.entries.length = 0;
    this.pending.clear();
  }
}

/** Puts the engine back to `entry` and restarts what was running then; returns the names restarted. */
export async function revert(engine: Engine, entry: UndoEntry): Promise<string[]> {
  engine.system.restore(entry.snapshot);
  const restarted: string[] = [];
  for (const id of entry.running) {
    const container = engine.containers.list({ all: true }).find((c) => c.id === id);
    if (!container || container.state === 'running') continue;
    try {
      await engine.containers.start(id);
      restarted.push(container.name);
    } catch {
      // It stays stopped; the message lists only what came back.
    }
  }
  return restarted;
}
