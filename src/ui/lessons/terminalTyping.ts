/**
 * Types lesson commands into the active terminal, exactly as if the student
 * had typed them: the text goes through the session's line editor, so it is
 * echoed, lands in history and counts as a command for the checks.
 */
import { engineWorker } from '../../worker/client.js';
import { useAppStore } from '../../store/index.js';
import type { SessionStatus } from '../../worker/protocol.js';

/** Solution lines that stand for keys (the same spelling as `slipway` transcripts). */
const KEYS: Readonly<Record<string, string>> = { '^C': '\x03', '^D': '\x04', '^P^Q': '\x10\x11' };

/** Longest wait for a command to hand the terminal back before the next line is typed anyway (`logs -f` never does). */
const SETTLE_LIMIT_MS = 15_000;
/** A program's own output needs a moment before a key such as ^C means anything to it. */
const KEY_PAUSE_MS = 600;

function activeTerminal(): { id: string; status: SessionStatus } | undefined {
  const { terminals, activeTerminal: id } = useAppStore.getState();
  return terminals.find((t) => t.id === id);
}

/** What a solution line sends: a key's control character, or the text and Enter. */
export function keystrokes(line: string): string {
  return KEYS[line.trim()] ?? `${line}\r`;
}

/** Types one line (or key) into the active terminal. */
export async function typeIntoTerminal(line: string): Promise<void> {
  const terminal = activeTerminal();
  if (terminal) await engineWorker().input(terminal.id, keystrokes(line));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the terminal waits for input again (the prompt, or a
 * program reading a line), or after `limit` ms.
 */
function untilWaitingForInput(id: string, limit: number): Promise<void> {
  const ready = (): boolean => {
    const status = useAppStore.getState().terminals.find((t) => t.id === id)?.status;
    return status === undefined || status === 'prompt' || status === 'reading' || status === 'exited';
  };
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, limit);
    const unsubscribe = useAppStore.subscribe(() => {
      if (ready()) finish();
    });
  });
}

export interface ReplayProgress {
  /** Called before each line is typed, with its index. */
  onLine?(index: number): void;
  /** Set to stop between lines. */
  readonly signal?: AbortSignal;
}

/**
 * Replays solution lines one at a time into the active terminal, waiting
 * for each command to hand the prompt back before typing the next.
 */
export async function replayLines(lines: readonly string[], progress: ReplayProgress = {}): Promise<void> {
  const terminal = activeTerminal();
  if (!terminal) return;
  for (const [index, line] of lines.entries()) {
    if (progress.signal?.aborted) return;
    const key = KEYS[line.trim()] !== undefined;
    if (key) await sleep(KEY_PAUSE_MS);
    else await untilWaitingForInput(terminal.id, SETTLE_LIMIT_MS);
    if (progress.signal?.aborted) return;
    progress.onLine?.(index);
    await engineWorker().input(terminal.id, keystrokes(line));
    // The status update travels back from the worker: give it a beat to leave 'prompt'.
    await sleep(150);
  }
  await untilWaitingForInput(terminal.id, SETTLE_LIMIT_MS);
}
