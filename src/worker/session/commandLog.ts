/**
 * The log of typed commands lesson checks read. Apart from lessonState.ts
 * (which parses Dockerfiles) so that the worker's first load, which keeps a
 * log per terminal, does not carry the Dockerfile parser.
 */
import type { CommandFact } from '../../lessons/index.js';
import type { TerminalSession } from './TerminalSession.js';

/**
 * Records each command typed at the prompt with its exit status: a job
 * starts when the session leaves the prompt, and ends when the prompt is
 * back. Lines typed into a running program are not commands.
 *
 * The command text comes from the shell history (which joins multi-line
 * input), except when history did not grow: bash skips lines starting with a
 * space and repeats of the previous line. Then the text typed at the prompt
 * is used, so feed terminal input through `input()`.
 */
export class CommandLog {
  readonly entries: CommandFact[] = [];
  private pending: string | undefined;
  private lastState: string;
  private historyLength: number;
  private typed = '';
  private readonly unsubscribe: () => void;

  constructor(
    private readonly session: TerminalSession,
    /** The worker hears each command start (to snapshot the engine for undo) and end. */
    private readonly hooks: { onStart?(line: string): void; onEnd?(fact: CommandFact): void } = {},
  ) {
    this.lastState = session.state;
    this.historyLength = session.history().length;
    this.unsubscribe = session.onStateChange((state) => this.onState(state));
  }

  /** Terminal input for the session, passed through. */
  input(data: string): Promise<void> {
    if (this.session.state === 'prompt') this.typed += data;
    return this.session.input(data);
  }

  private onState(state: string): void {
    if (this.lastState === 'prompt' && (state === 'running' || state === 'reading')) {
      const history = this.session.history();
      const lines = this.typed.split(/[\r\n]/).map((line) => line.trim()).filter(Boolean);
      this.pending = history.length > this.historyLength ? (history.at(-1) ?? '') : (lines.at(-1) ?? history.at(-1) ?? '');
      this.historyLength = history.length;
      this.typed = '';
      this.hooks.onStart?.(this.pending);
    } else if (state === 'prompt' || state === 'exited') {
      if (this.pending !== undefined) {
        const fact = { line: this.pending, exitCode: this.session.lastStatus };
        this.entries.push(fact);
        this.hooks.onEnd?.(fact);
      }
      this.pending = undefined;
      this.typed = '';
    }
    this.lastState = state;
  }

  clear(): void {
    this.entries.length = 0;
  }

  dispose(): void {
    this.unsubscribe();
  }
}
