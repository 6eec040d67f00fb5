/**
 * Emits BuildKit-style vertex events: a vertex starts, may carry status lines
 * and logs, and ends done, cached, failed or cancelled. Also keeps the log
 * tail that BuildKit repeats in its error block.
 */
import type { BuildEvent } from '../../api.js';
import type { Clock } from '../../../os/clock.js';

export class Vertex {
  private ended = false;
  private readonly logLines: string[] = [];
  private partial = '';
  private statusSeq = 0;

  constructor(
    private readonly progress: Progress,
    readonly id: string,
    readonly name: string,
    readonly started: number,
  ) {}

  status(name: string, options: { readonly current?: number; readonly total?: number; readonly durationMs?: number } = {}): void {
    const now = this.progress.clock.now();
    const started = options.durationMs === undefined ? now : now - options.durationMs;
    this.progress.emit({
      type: 'status',
      vertexId: this.id,
      id: `${this.id}.${this.statusSeq++}`,
      name,
      current: options.current,
      total: options.total,
      started,
      completed: now,
    });
  }

  /** A status line that updates in place (layer downloads): call `update` as it moves, `done` at the end. */
  track(name: string): { update(current?: number, total?: number): void; done(current?: number, total?: number): void } {
    const id = `${this.id}.${this.statusSeq++}`;
    const started = this.progress.clock.now();
    const emit = (completed: number | undefined, current?: number, total?: number): void =>
      this.progress.emit({ type: 'status', vertexId: this.id, id, name, current, total, started, completed });
    return {
      update: (current, total) => emit(undefined, current, total),
      done: (current, total) => emit(this.progress.clock.now(), current, total),
    };
  }

  log(stream: 'stdout' | 'stderr', text: string): void {
    const now = this.progress.clock.now();
    this.progress.emit({ type: 'log', vertexId: this.id, stream, text, timestamp: now });
    const prefix = relativeTime(now - this.started);
    const pieces = (this.partial + text).split('\n');
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) this.logLines.push(`${prefix} ${line}`);
  }

  /** The log lines with BuildKit's relative-time prefix, for the error block. */
  tail(max = 10): string[] {
    const lines = [...this.logLines];
    if (this.partial !== '') lines.push(`${relativeTime(this.progress.clock.now() - this.started)} ${this.partial}`);
    return lines.slice(-max);
  }

  done(): void {
    this.end({});
  }

  fail(error: string): void {
    this.end({ error });
  }

  cancel(): void {
    this.end({ canceled: true, error: 'context canceled' });
  }

  private end(extra: { readonly error?: string; readonly canceled?: boolean }): void {
    if (this.ended) return;
    this.ended = true;
    this.progress.emit({ type: 'vertex', vertex: { id: this.id, name: this.name, started: this.started, completed: this.progress.clock.now(), ...extra } });
  }
}

export class Progress {
  private seq = 0;

  constructor(
    readonly clock: Clock,
    private readonly onEvent: (event: BuildEvent) => void,
  ) {}

  emit(event: BuildEvent): void {
    this.onEvent(event);
  }

  start(name: string): Vertex {
    const id = `v${++this.seq}`;
    const now = this.clock.now();
    this.emit({ type: 'vertex', vertex: { id, name, started: now } });
    return new Vertex(this, id, name, now);
  }

  cached(name: string): void {
    const id = `v${++this.seq}`;
    const now = this.clock.now();
    this.emit({ type: 'vertex', vertex: { id, name, started: now, completed: now, cached: true } });
  }
}

/** Seconds since the step started: 3 decimals under 10 s, 2 under 100 s, else 1 (progressui). */
export function relativeTime(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return s.toFixed(3);
  if (s < 100) return s.toFixed(2);
  return s.toFixed(1);
}
