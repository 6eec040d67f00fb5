/**
 * jsonmessage-style progress for pull and push (moby client/pkg/jsonmessage).
 * On a terminal each layer owns one line, rewritten in place with cursor
 * moves; without one every status change is its own line and byte-progress
 * updates (Downloading/Extracting/Pushing with counts) are dropped.
 */
import type { OutputStream, TerminalControl } from '../../../os/process.js';
import type { ProgressEvent } from '../../../engine/index.js';
import { humanSize } from '../../engineHelpers.js';

/** JSONProgress.String(): the bar only on terminals wider than 110 columns. */
export function progressText(progress: { readonly current: number; readonly total: number }, width: number): string {
  if (progress.current <= 0 && progress.total <= 0) return '';
  if (progress.total <= 0) return humanSize(progress.current).padStart(8);
  let bar = '';
  if (width > 110) {
    const pct = Math.min(50, Math.trunc(Math.trunc((progress.current / progress.total) * 100) / 2));
    bar = `[${'='.repeat(pct)}>${' '.repeat(Math.max(0, 50 - pct))}] `;
  }
  const numbers = progress.current > progress.total ? '' : `${humanSize(progress.current).padStart(8)}/${humanSize(progress.total)}`;
  return bar + numbers;
}

export class ProgressPrinter {
  private readonly lines = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly out: OutputStream,
    private readonly terminal: TerminalControl | undefined,
  ) {}

  /** A line not tied to a layer (`Digest: …`); it ends the in-place block. */
  line(text: string): void {
    this.lines.clear();
    this.count = 0;
    this.out.write(`${text}\n`);
  }

  event(event: ProgressEvent): void {
    if (event.id === undefined) {
      this.line(event.status);
      return;
    }
    const progress = event.progress ? progressText(event.progress, this.terminal?.columns ?? 80) : '';
    if (!this.terminal) {
      if (progress !== '') return;
      this.out.write(`${event.id}: ${event.status}\n`);
      return;
    }
    const text = `${event.id}: ${event.status}${progress ? ` ${progress}` : ''}`;
    const index = this.lines.get(event.id);
    if (index === undefined) {
      this.lines.set(event.id, this.count++);
      this.out.write(`${text}\n`);
      return;
    }
    const up = this.count - index;
    this.out.write(`\x1b[${up}A\r\x1b[2K${text}\r\x1b[${up}B`);
  }
}
