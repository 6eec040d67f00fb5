/**
 * The stream and signal contract for anything that runs like a process: shell
 * builtins, the `docker` CLI, and programs inside containers. Streams carry
 * text with `\n` line ends; only the terminal view turns them into `\r\n`.
 */

export type SignalName =
  | 'SIGHUP'
  | 'SIGINT'
  | 'SIGQUIT'
  | 'SIGKILL'
  | 'SIGUSR1'
  | 'SIGUSR2'
  | 'SIGTERM'
  | 'SIGSTOP'
  | 'SIGCONT'
  | 'SIGWINCH';

/** Linux signal numbers, for `128 + n` exit codes and `kill -s`. */
export const SIGNAL_NUMBERS: Readonly<Record<SignalName, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
};

/** A readable text stream. */
export interface InputStream {
  /**
   * Resolves with the next chunk, or null at end of input. A terminal in
   * cooked mode delivers one line (with its `\n`) per chunk; in raw mode it
   * delivers key bytes as typed.
   */
  read(): Promise<string | null>;
}

/** A writable text stream. Writes never block. */
export interface OutputStream {
  write(text: string): void;
}

/** Signals delivered to the foreground job. */
export interface SignalSource {
  /** Subscribes; returns an unsubscribe. */
  on(listener: (signal: SignalName) => void): () => void;
}

/**
 * What a terminal offers the program in its foreground, when there is one.
 * Absent when the output is a pipe or a file (then `isatty` is false).
 */
export interface TerminalControl {
  /** Raw mode: keys go to stdin as typed, with no echo and no line editing. */
  setRawMode(raw: boolean): void;
  /** Cooked-mode echo (off while a password is typed). */
  setEcho(echo: boolean): void;
  readonly columns: number;
  readonly rows: number;
}

export interface CommandIO {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly signals: SignalSource;
  /** Present when stdin and stdout are the interactive terminal. */
  readonly terminal?: TerminalControl;
}

/**
 * Everything a command run by the shell sees: its stdio plus the shell's
 * environment, working directory, file system and clock. Builtins, `docker`
 * and `curl` all receive one.
 */
export interface CommandContext extends CommandIO {
  /** Exported variables (a copy: changes do not reach the calling shell). */
  readonly env: Map<string, string>;
  /** Absolute working directory. */
  readonly cwd: string;
  readonly fs: import('./vfs.js').Vfs;
  readonly clock: import('./clock.js').Clock;
}

/** A command the shell does not implement itself (e.g. `docker`), injected by whoever composes the shell. */
export type ExternalCommand = (argv: readonly string[], ctx: CommandContext) => Promise<number>;
