/**
 * The headless session: one engine, one in-memory workspace, one terminal
 * session, driven either by a real TTY (interactive) or by stdin lines
 * (transcript mode, PRODUCT.md §6).
 */
import { createInterface } from 'node:readline';
import { MemFs } from '../../src/os/memfs.js';
import type { Clock, IdSource } from '../../src/os/clock.js';
import { SeededIds, VirtualClock } from '../../src/os/testing/virtualClock.js';
import { Engine } from '../../src/engine/index.js';
import { dockerCompletions } from '../../src/cli/index.js';
import { DEFAULT_CWD, TerminalSession } from '../../src/worker/session/TerminalSession.js';
import { TranscriptRecorder, runTranscript, type TranscriptOptions } from '../../src/worker/session/transcript.js';
import { createDefaultShell } from '../../src/worker/session/shellFactory.js';
import { CryptoIds, RealClock } from '../../src/worker/host/realClock.js';
import { loadWorkspace } from './workspace.js';

export interface HeadlessOptions {
  readonly workspace?: string;
  readonly virtualClock: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

export interface Composition {
  readonly engine: Engine;
  readonly fs: MemFs;
  readonly clock: Clock;
  readonly ids: IdSource;
}

export function compose(options: HeadlessOptions): Composition {
  const clock: Clock = options.virtualClock ? new VirtualClock() : new RealClock();
  const ids: IdSource = options.virtualClock ? new SeededIds() : new CryptoIds();
  const engine = new Engine({ clock, ids });
  const fs = new MemFs({ now: () => clock.now(), uid: 1000, gid: 1000 });
  fs.mkdir(DEFAULT_CWD, { recursive: true });
  // The few host directories a student reaches for (`docker cp web:/etc/nginx/nginx.conf /tmp`).
  fs.mkdir('/tmp', { mode: 0o1777 });
  if (options.workspace) loadWorkspace(options.workspace, fs, DEFAULT_CWD);
  return { engine, fs, clock, ids };
}

export function createSession(parts: Composition, write: (text: string) => void, options: { transcript: boolean; columns: number; rows: number }): TerminalSession {
  return new TerminalSession({
    engine: parts.engine,
    fs: parts.fs,
    clock: parts.clock,
    columns: options.columns,
    rows: options.rows,
    write,
    transcript: options.transcript,
    createShell: createDefaultShell,
    dockerCompletions: (words, engine) => dockerCompletions([...words], engine),
  });
}

/** Typing a line takes a moment: under a virtual clock, `docker ps` then says "2 seconds ago", as it would. */
const TYPING_MS = 1000;

/** How long to wait for a session, per clock: hops under a virtual clock, milliseconds on a real one. */
export function transcriptTiming(clock: Clock): Omit<TranscriptOptions, 'emit'> {
  if (clock instanceof VirtualClock) {
    clock.driveByHand();
    return {
      beforeLine: () => clock.advance(TYPING_MS),
      wait: () => void clock.step(),
      settle: async () => {
        // A runtime still loading its wasm is busy, not quiet.
        await clock.quiesce(4);
      },
      quietRounds: 200,
      finalRounds: 200_000,
    };
  }
  return {
    settle: () => new Promise((resolve) => setTimeout(resolve, 10)),
    // 1.5 s without output or a state change counts as quiet; a job may take 60 s to end.
    quietRounds: 150,
    finalRounds: 6_000,
  };
}

/** stdin is not a TTY: type its lines into the session and print the transcript. */
export async function runTranscriptMode(options: HeadlessOptions, input: NodeJS.ReadableStream, output: (text: string) => void): Promise<number> {
  const parts = compose(options);
  const recorder = new TranscriptRecorder();
  const session = createSession(parts, recorder.write, { transcript: true, columns: options.columns ?? 80, rows: options.rows ?? 24 });
  session.start();
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  return runTranscript(session, recorder, lines, { ...transcriptTiming(parts.clock), emit: output });
}

/** stdin is a TTY: a live terminal, raw keys into the line editor. */
export function runInteractive(options: HeadlessOptions): Promise<number> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const parts = compose(options);
  const session = createSession(parts, (text) => stdout.write(text), {
    transcript: false,
    columns: stdout.columns || 80,
    rows: stdout.rows || 24,
  });
  return new Promise((resolve) => {
    const onResize = (): void => session.resize(stdout.columns || 80, stdout.rows || 24);
    const onData = (data: string): void => void session.input(data);
    const finish = (): void => {
      stdout.write('\x1b[?2004l');
      stdout.off('resize', onResize);
      stdin.off('data', onData);
      process.off('SIGHUP', hangup);
      process.off('SIGTERM', hangup);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      resolve(session.lastStatus);
    };
    // The terminal went away or someone asked us to stop: leave the tty usable, as bash does.
    const hangup = (): void => {
      finish();
      process.exit(129);
    };
    process.on('SIGHUP', hangup);
    process.on('SIGTERM', hangup);
    session.onStateChange((state) => {
      if (state === 'exited') finish();
    });
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdout.on('resize', onResize);
    stdin.on('data', onData);
    stdin.resume();
    session.start();
  });
}
