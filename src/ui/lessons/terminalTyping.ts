/**
 * Types lesson commands into the active terminal, exactly as if the student
 * had typed them: the text goes through the session's line editor, so it is
 * echoed, lands in history and counts as a command for the checks.
 */
import { engineWorker } from '../../worker/client.js';
import { useAppStore } from '../../store/index.js';
import type { SessionStatus } from '../../worker/protocol.js';
import { isKeyLine, keystrokes } from './keystrokes.js';

/** Longest wait for a command to hand the terminal back before the next line is typed anyway (`logs -f` never does). */
const SETTLE_LIMIT_MS = 15_000;
/** A program's own output needs a moment before a key such as ^C means anything to it. */
const KEY_PAUSE_MS = 600;

function activeTerminal(): { id: string; status: SessionStatus } | undefined {
  const { terminals, activeTerminal: id } = useAppStore.getState();
  return terminals.find((t) => t.id === id);
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
    if (isKeyLine(line)) await sleep(KEY_PAUSE_MS);
    else await untilWaitingForInput(terminal.id, SETTLE_LIMIT_MS);
    if (progress.signal?.aborted) return;
    progress.onLine?.(index);
    await engineWorker().input(terminal.id, keystrokes(line));
    // The status update travels back from the worker: give it a beat to leave 'prompt'.
    await sleep(150);
  }
  await untilWaitingForInput(terminal.id, SETTLE_LIMIT_MS);
}
