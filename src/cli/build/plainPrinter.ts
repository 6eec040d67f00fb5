/**
 * BuildKit's `--progress=plain` printer: `#N name`, status lines, RUN output
 * with its time since the step started, then `#N DONE 0.1s` / `CACHED` /
 * `ERROR: …` / `CANCELED`, blocks separated by a blank line.
 */
import type { BuildEvent } from '../../engine/index.js';
import type { OutputStream } from '../../os/process.js';
import { formatBytes, ProgressModel, type StatusState, type VertexState } from './progressModel.js';

export class PlainPrinter {
  readonly model = new ProgressModel();
  private readonly numbers = new Map<string, number>();
  private readonly partial = new Map<string, string>();
  private current?: string;
  private next = 1;
  private readonly last = new Map<string, { current: number; time: number }>();

  constructor(
    private readonly out: OutputStream,
    private readonly now: () => number = () => 0,
  ) {}

  start(): void {
    this.out.write('#0 building with "default" instance using docker driver\n\n');
  }

  apply(event: BuildEvent): void {
    const vertex = this.model.apply(event);
    if (!vertex) return;
    const n = this.header(vertex);
    if (event.type === 'status') {
      const status = vertex.statuses.find((s) => s.id === event.id)!;
      // printer.go: an unfinished status reprints only after 5% more progress or 5 s.
      const last = this.last.get(status.id);
      const time = this.now();
      if (last && status.completed === undefined) {
        const delta = status.total ? ((status.current ?? 0) - last.current) / status.total : 0;
        if (delta < 0.05 && time - last.time < 5000) return;
      }
      this.last.set(status.id, { current: status.current ?? 0, time });
      this.out.write(`#${n} ${statusLine(status)}\n`);
    } else if (event.type === 'log') {
      const text = (this.partial.get(vertex.id) ?? '') + event.text;
      const lines = text.split('\n');
      this.partial.set(vertex.id, lines.pop() ?? '');
      const prefix = relativeTime(event.timestamp - (vertex.started ?? event.timestamp));
      for (const line of lines) this.out.write(`#${n} ${prefix} ${line}\n`);
    } else if (event.type === 'vertex' && vertex.completed !== undefined) {
      const rest = this.partial.get(vertex.id);
      if (rest) this.out.write(`#${n} ${relativeTime(vertex.completed - (vertex.started ?? vertex.completed))} ${rest}\n`);
      this.partial.delete(vertex.id);
      this.out.write(`#${n} ${completion(vertex)}\n\n`);
      this.current = undefined;
    }
  }

  /** Prints `#N name` the first time a vertex shows up (and `#N ...` when another interrupts it). */
  private header(vertex: VertexState): number {
    let n = this.numbers.get(vertex.id);
    if (n === undefined) {
      n = this.next++;
      this.numbers.set(vertex.id, n);
      this.out.write(`#${n} ${vertex.name}\n`);
    } else if (this.current !== undefined && this.current !== vertex.id) {
      this.out.write(`#${this.numbers.get(this.current)} ...\n\n#${n} ${vertex.name}\n`);
    }
    this.current = vertex.id;
    return n;
  }
}

function statusLine(s: StatusState): string {
  let bytes = '';
  if (s.total) bytes = ` ${formatBytes(s.current ?? 0)} / ${formatBytes(s.total)}`;
  else if (s.current) bytes = ` ${formatBytes(s.current)}`;
  let tm = '';
  if (s.started !== undefined && s.completed !== undefined) {
    const diff = (s.completed - s.started) / 1000;
    if (diff > 0.01) tm = ` ${diff.toFixed(1)}s`;
  }
  if (s.completed !== undefined) tm += ' done';
  return `${s.name}${bytes}${tm}`;
}

function completion(v: VertexState): string {
  if (v.canceled) return 'CANCELED';
  if (v.error !== undefined) return `ERROR: ${v.error}`;
  if (v.cached) return 'CACHED';
  return `DONE ${(((v.completed ?? 0) - (v.started ?? 0)) / 1000).toFixed(1)}s`;
}

/** Seconds since the step started: 3 decimals under 10 s, 2 under 100 s, else 1. */
export function relativeTime(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return s.toFixed(3);
  if (s < 100) return s.toFixed(2);
  return s.toFixed(1);
}
