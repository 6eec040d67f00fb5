/**
 * BuildKit's tty display: `[+] Building 1.2s (9/9) FINISHED` with the builder
 * name right-aligned, then ` => ` lines with durations right-aligned to the
 * terminal width. With a terminal it is redrawn in place while the build
 * runs; without one (headless transcripts) only the final frame is printed.
 */
import type { BuildEvent } from '../../engine/index.js';
import type { OutputStream } from '../../os/process.js';
import { formatBytes, ProgressModel, type StatusState, type VertexState } from './progressModel.js';

const DESC = 'docker:default';
const BLUE = '\x1b[34m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

export interface FrameOptions {
  readonly width: number;
  readonly now: number;
  readonly done: boolean;
  readonly color: boolean;
}

export class TtyDisplay {
  readonly model = new ProgressModel();
  private lines = 0;

  constructor(
    private readonly out: OutputStream,
    private readonly width: number,
    /** Live redraws (a terminal is attached); otherwise only `finish` prints. */
    private readonly live: boolean,
    private readonly now: () => number,
    /** Terminal rows: a running frame taller than this shows its newest lines only, so cursor-up can reach it. */
    private readonly height = Number.POSITIVE_INFINITY,
  ) {}

  apply(event: BuildEvent): void {
    this.model.apply(event);
    if (this.live) this.redraw(false);
  }

  tick(): void {
    if (this.live) this.redraw(false);
  }

  finish(): void {
    this.redraw(true);
  }

  private redraw(done: boolean): void {
    let frame = renderFrame(this.model, { width: this.width, now: this.now(), done, color: this.live });
    if (!done && frame.length > this.height - 1) frame = [frame[0], ...frame.slice(frame.length - (this.height - 2))];
    if (!this.live) {
      this.out.write(frame.map((l) => `${l}\n`).join(''));
      return;
    }
    let text = '';
    if (this.lines > 0) text += `\x1b[${this.lines}A\r`;
    text += frame.map((l) => `${l}\x1b[K\n`).join('');
    // A shorter frame (a finished step's log rows vanish) must not leave the old rows below it.
    if (frame.length < this.lines) text += '\x1b[J';
    this.out.write(text);
    this.lines = frame.length;
  }

  /**
   * The terminal printed `rows` newlines below the frame behind the display's
   * back (the line discipline echoes Ctrl-C as `^C` and a newline), so the
   * next redraw has to climb that much further to reach the header.
   */
  movedDown(rows: number): void {
    if (this.live && this.lines > 0) this.lines += rows;
  }
}

/** `%-[w]s %s`: the left part padded so the right part ends the line. */
function align(left: string, right: string, width: number): string {
  const pad = Math.max(0, width - right.length - 1);
  return `${left.padEnd(pad)} ${right}`;
}

export function renderFrame(model: ProgressModel, opts: FrameOptions): string[] {
  const { width, now } = opts;
  const start = model.startTime ?? now;
  const end = opts.done ? Math.max(start, ...model.vertices.map((v) => v.completed ?? start)) : now;
  const completed = model.vertices.filter((v) => v.completed !== undefined).length;
  const header = `[+] Building ${((end - start) / 1000).toFixed(1)}s (${completed}/${model.vertices.length}) ${opts.done ? 'FINISHED' : ''}`;
  const out = [align(header, DESC, width - 1)];
  for (const v of model.vertices) {
    if (v.started === undefined) continue;
    out.push(job(` => ${prefix(v)}${v.name}`, seconds((v.completed ?? now) - v.started), width, colorOf(v, opts.color)));
    for (const s of v.statuses) {
      const status = statusText(s);
      out.push(job(` => => ${s.name}${status === '' ? '' : ` ${status}`}`, seconds((s.completed ?? now) - (s.started ?? now)), width, colorOf(v, opts.color)));
    }
    if (v.completed === undefined && !opts.done) {
      const text = v.logs.map((l) => l.text).join('');
      const lines = text.split('\n').filter((l) => l !== '').slice(-6);
      for (const line of lines) out.push(` => => # ${line}`.slice(0, width - 1));
    }
  }
  return out;
}

function prefix(v: VertexState): string {
  if (v.canceled) return 'CANCELED ';
  if (v.error !== undefined) return 'ERROR ';
  if (v.cached) return 'CACHED ';
  return '';
}

function statusText(s: StatusState): string {
  if (s.total) return `${formatBytes(s.current ?? 0)} / ${formatBytes(s.total)}`;
  if (s.current) return formatBytes(s.current);
  return '';
}

function seconds(ms: number): number {
  const s = ms / 1000;
  return s < 0.05 ? 0 : s;
}

function job(text: string, secs: number, width: number, color: string): string {
  // display.go: timer is " %3.1fs\n" and align pads to width-len(timer)-1, so lines end at width-1.
  const timer = ` ${secs.toFixed(1).padStart(3)}s`;
  const padTo = width - (timer.length + 1) - 1;
  const maxName = padTo;
  const left = text.length > maxName ? text.slice(0, maxName) : text;
  const line = `${left.padEnd(padTo)} ${timer}`;
  return color === '' ? line : `${color}${line}${RESET}`;
}

function colorOf(v: VertexState, enabled: boolean): string {
  if (!enabled || v.completed === undefined) return '';
  if (v.canceled) return YELLOW;
  if (v.error !== undefined) return RED;
  return BLUE;
}
