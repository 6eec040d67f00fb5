/**
 * Transcript mode (PRODUCT.md §6): lines of a script are typed into a session
 * one at a time, each once the session waits for input (the prompt is back or
 * the foreground program reads), or once nothing has happened for a while (a
 * server in the foreground never reads, yet `^C` must reach it). The output is
 * the screen's final text, without colours or redraw frames.
 *
 * How long "a while" is belongs to the host: `settle` waits one round (a few
 * macrotask hops under a virtual clock, a few milliseconds on a real one).
 *
 * Commands are not told they run in a transcript: they get a TerminalControl
 * as on any terminal (so `docker run -it` works and builds and pulls choose
 * their tty display), and ScreenTranscript replays the redraws, leaving only
 * each display's final frame.
 */
import { ScreenTranscript } from './ScreenTranscript.js';

/** Rounds of silence before a line is typed into a raw-mode program. */
const RAW_SETTLE_ROUNDS = 10;

/** The three script lines that are keys rather than text. */
export const CONTROL_LINES: Readonly<Record<string, string>> = {
  '^C': '\x03',
  '^D': '\x04',
  '^P^Q': '\x10\x11',
};

/** What the runner needs of a session. */
export interface TranscriptTarget {
  input(data: string): Promise<void>;
  waitingForInput(): boolean;
  isIdle(): boolean;
  readonly state: string;
  readonly lastStatus: number;
  /**
   * Keys go straight to a program (an attached `-t` container). The client
   * always reads then, so a line waits until the output has settled: the
   * program inside has drawn its prompt.
   */
  readonly rawMode?: boolean;
}

export interface TranscriptOptions {
  /** Waits one round for the session to make progress. */
  readonly settle: () => Promise<void>;
  /** Rounds without output or state change after which the session counts as quiet. */
  readonly quietRounds: number;
  /** Rounds to wait at the end of input for a foreground job to finish. */
  readonly finalRounds: number;
  /** Receives transcript text as it becomes final. */
  readonly emit: (text: string) => void;
  /** Runs before each line is typed (a virtual clock lets the seconds of typing pass here). */
  readonly beforeLine?: () => void;
  /**
   * Runs after a round in which the session was not ready yet: a virtual
   * clock driven by hand moves to its next deadline here, so time passes only
   * while the runner waits, never behind its back.
   */
  readonly wait?: () => void;
}

/** Terminal output goes in here; the runner drains it as text becomes final. */
export class TranscriptRecorder {
  readonly screen = new ScreenTranscript();
  private activity = 0;

  /** Pass as the session's `write`. */
  readonly write = (text: string): void => {
    this.activity++;
    this.screen.write(text);
  };

  get writes(): number {
    return this.activity;
  }
}

/** The text to type for one script line. */
export function keysForLine(line: string): string {
  return CONTROL_LINES[line.trim()] ?? line + '\r';
}

/**
 * Types `lines` into `target` and resolves with the exit status: the last
 * command's, once the prompt is back (or the shell exited).
 */
export async function runTranscript(target: TranscriptTarget, recorder: TranscriptRecorder, lines: Iterable<string> | AsyncIterable<string>, options: TranscriptOptions): Promise<number> {
  const drain = (settled: boolean): void => {
    const text = settled ? recorder.screen.takeSettled() : recorder.screen.take();
    if (text) options.emit(text);
  };
  for await (const line of lines) {
    if (target.state === 'exited') break;
    const settledRaw = Math.min(RAW_SETTLE_ROUNDS, options.quietRounds);
    await waitFor(target, recorder, (quiet) => target.waitingForInput() && (!target.rawMode || quiet >= settledRaw), options.quietRounds, options, () => drain(false));
    drain(target.waitingForInput());
    options.beforeLine?.();
    await target.input(keysForLine(line));
    drain(false);
  }
  await waitFor(target, recorder, () => target.isIdle() || target.state === 'exited', options.finalRounds, options, () => drain(false));
  options.emit(recorder.screen.takeAll());
  return target.lastStatus;
}

/**
 * Settles until `ready()` holds, or until the session has been quiet for
 * `quietRounds` rounds, or `maxRounds` rounds have passed.
 */
async function waitFor(
  target: TranscriptTarget,
  recorder: TranscriptRecorder,
  ready: (quietRounds: number) => boolean,
  maxRounds: number,
  timing: Pick<TranscriptOptions, 'settle' | 'quietRounds' | 'wait'>,
  /** Runs every round, so long output streams out instead of waiting for the next line. */
  onRound: () => void,
): Promise<void> {
  const { settle, quietRounds } = timing;
  let quiet = 0;
  let lastWrites = recorder.writes;
  let lastState = target.state;
  for (let round = 0; round < Math.max(maxRounds, quietRounds); round++) {
    // One settle even when ready: a just-typed line's effects land first.
    await settle();
    onRound();
    if (recorder.writes === lastWrites && target.state === lastState) quiet++;
    else quiet = 0;
    if (ready(quiet)) return;
    lastWrites = recorder.writes;
    lastState = target.state;
    if (quiet >= quietRounds || round >= maxRounds) return;
    timing.wait?.();
  }
}
