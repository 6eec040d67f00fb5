/**
 * One terminal tab: a bash-flavoured shell with `docker` and `curl`, a line
 * discipline in front of it, and the foreground job. While a command runs the
 * terminal belongs to it: its reads get cooked lines (or raw keys once it asks
 * for raw mode), Ctrl-C becomes SIGINT on its signal source. Several sessions
 * share one engine, just as several terminals talk to one daemon.
 */
import type { Clock } from '../../os/clock.js';
import { loading, loadOnce } from '../../os/lazy.js';
import type { CommandIO, ExternalCommand, InputStream, TerminalControl } from '../../os/process.js';
import type { Vfs } from '../../os/vfs.js';
import type { EngineApi } from '../../engine/index.js';
import { SignalEmitter } from '../../os/streams.js';
import { History, LineEditor, type LineEvent } from '../../shell/line/index.js';
import type { DockerCompleter, SessionShell, ShellFactory } from './deps.js';
import { dockerCommand, engineHttpClient } from './engineBridge.js';
import { TerminalOutput } from './TerminalOutput.js';

export const HOME = '/home/student';
export const DEFAULT_CWD = '/home/student/app';

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export interface TerminalSessionOptions {
  readonly engine: EngineApi;
  /** The workspace file system; the student's files live under the cwd (default /home/student/app). */
  readonly fs: Vfs;
  readonly clock: Clock;
  readonly columns: number;
  readonly rows: number;
  /** Terminal output: `\r\n` line ends and ANSI escapes. */
  readonly write: (text: string) => void;
  readonly createShell: ShellFactory;
  /** The `docker` command (default: the docker CLI on `engine`). */
  readonly docker?: ExternalCommand;
  readonly dockerCompletions?: DockerCompleter;
  readonly cwd?: string;
  /** Shared history entries to start from (e.g. restored from storage). */
  readonly history?: readonly string[];
  /**
   * Transcript mode (headless, stdin not a TTY): typed lines never wrap, so
   * each reads as typed; programs still see `columns` for their layout.
   */
  readonly transcript?: boolean;
  /** Extra environment on top of HOME, USER, PATH, HOSTNAME. */
  readonly env?: Readonly<Record<string, string>>;
}

export type SessionState = 'prompt' | 'running' | 'reading' | 'exited';

export class TerminalSession {
  readonly editor: LineEditor;
  private readonly shell: SessionShell;
  private readonly output: TerminalOutput;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private columnsValue: number;
  private rowsValue: number;
  private job: { readonly signals: SignalEmitter } | undefined;
  private readonly readers: ((chunk: string | null) => void)[] = [];
  private readonly queued: (string | null)[] = [];
  private raw = false;
  private exited = false;
  private lastStatusValue = 0;
  private jobDone: Promise<void> = Promise.resolve();

  constructor(private readonly options: TerminalSessionOptions) {
    this.columnsValue = options.columns;
    this.rowsValue = options.rows;
    this.output = new TerminalOutput(options.write);
    const history = new History(1000, options.history ?? []);
    const env = new Map<string, string>([
      ['HOME', HOME],
      ['USER', 'student'],
      ['LOGNAME', 'student'],
      ['HOSTNAME', 'slipway'],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['SHELL', '/bin/bash'],
      ['TERM', 'xterm-256color'],
      ...Object.entries(options.env ?? {}),
    ]);
    const cwd = options.cwd ?? DEFAULT_CWD;
    if (!options.fs.stat(cwd)) options.fs.mkdir(cwd, { recursive: true });
    const docker = options.docker ?? dockerCommand(options.engine);
    this.shell = options.createShell({
      fs: options.fs,
      cwd,
      env,
      clock: options.clock,
      commands: (name) => (name === 'docker' ? docker : undefined),
      history: () => history.entries(),
      http: engineHttpClient(options.engine),
    });
    // Tab completion is imported on the first Tab: the first command does not wait for it (PRODUCT.md §7).
    const completer = loadOnce(() => import('./complete.js').then((m) => m.createCompleter({ fs: options.fs, cwd: () => this.shell.cwd, home: HOME, engine: options.engine, docker: options.dockerCompletions })));
    this.editor = new LineEditor({
      write: (text) => this.output.write(text),
      onEvent: (event) => this.onEditorEvent(event),
      columns: options.transcript ? Number.MAX_SAFE_INTEGER : options.columns,
      history,
      isComplete: (source) => this.shell.isComplete(source),
      complete: async (line, cursor) => (await loading(options.clock, completer()))(line, cursor),
    });
  }

  /** Shows the first prompt. */
  start(): void {
    this.showPrompt();
  }

  /** Terminal input, as typed or pasted. */
  input(data: string): Promise<void> {
    if (this.exited) return Promise.resolve();
    return this.editor.feed(data);
  }

  resize(columns: number, rows: number): void {
    this.columnsValue = columns;
    this.rowsValue = rows;
    if (!this.options.transcript) this.editor.resize(columns);
    this.job?.signals.emit('SIGWINCH');
  }

  get state(): SessionState {
    if (this.exited) return 'exited';
    if (!this.job) return 'prompt';
    return this.readers.length > 0 ? 'reading' : 'running';
  }

  /** The prompt is shown: no foreground job. */
  isIdle(): boolean {
    return this.state === 'prompt';
  }

  /** The prompt is shown or the foreground job is blocked reading the terminal. */
  waitingForInput(): boolean {
    const state = this.state;
    return state === 'prompt' || state === 'reading';
  }

  /** Keys pass straight to the foreground program (it asked for raw mode). */
  get rawMode(): boolean {
    return this.editor.mode === 'raw';
  }

  get lastStatus(): number {
    return this.lastStatusValue;
  }

  get cwd(): string {
    return this.shell.cwd;
  }

  history(): string[] {
    return this.editor.history.entries();
  }

  /**
   * Follows a switch of space (sandbox ↔ lesson): the history becomes that
   * space's, and an idle terminal shows a fresh prompt so arrow keys start
   * from the new history's end.
   */
  switchHistory(entries: readonly string[]): void {
    this.editor.history.replace(entries);
    if (this.isIdle()) this.showPrompt();
  }

  /** Resolves when the current foreground job (if any) has finished. */
  whenJobDone(): Promise<void> {
    return this.jobDone;
  }

  onStateChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `student@slipway:~/app$ `, with `~` for HOME as bash's `\w` shows it. */
  prompt(): string {
    return `student@slipway:${this.promptDir()}$ `;
  }

  private promptDir(): string {
    const cwd = this.shell.cwd;
    return cwd === HOME ? '~' : cwd.startsWith(HOME + '/') ? '~' + cwd.slice(HOME.length) : cwd;
  }

  /** The prompt as Ubuntu's default PS1 colours it (green user@host, blue directory). */
  private colouredPrompt(): string {
    return `\x1b[01;32mstudent@slipway\x1b[00m:\x1b[01;34m${this.promptDir()}\x1b[00m$ `;
  }

  private notify(): void {
    const state = this.state;
    for (const listener of [...this.listeners]) listener(state);
  }

  private showPrompt(): void {
    // Output that did not end its line would otherwise run into the prompt.
    if (!this.output.atLineStart) this.output.write('\r\n');
    // A progress display that shrank may leave stale rows below the cursor; the prompt starts on a clean screen.
    this.output.write('\x1b[J');
    // As bash does: pastes at the prompt arrive bracketed, so a pasted script is not run key by key.
    this.output.write(BRACKETED_PASTE_ON);
    this.editor.showPrompt(this.options.transcript ? this.prompt() : this.colouredPrompt());
    this.notify();
  }

  private onEditorEvent(event: LineEvent): void {
    switch (event.type) {
      case 'submit':
        // Programs get plain pastes, exactly as bash leaves the terminal for them.
        this.output.write(BRACKETED_PASTE_OFF);
        this.runJob(event.source);
        return;
      case 'line':
      case 'data':
        this.deliver(event.type === 'line' ? event.text : event.data);
        return;
      case 'eof':
        if (this.job) return this.deliver(null);
        this.output.write('exit\r\n');
        this.exited = true;
        this.notify();
        return;
      case 'interrupt':
        if (this.job) this.job.signals.emit('SIGINT');
        else this.lastStatusValue = 130;
        return;
      case 'clear':
        return;
    }
  }

  private deliver(chunk: string | null): void {
    const reader = this.readers.shift();
    if (reader) {
      reader(chunk);
      // Another read was already waiting (two readers in one job): the terminal keeps reading for it.
      if (this.readers.length > 0 && !this.raw) this.editor.readLine(this.output.column);
      this.notify();
    } else {
      this.queued.push(chunk);
    }
  }

  private runJob(source: string): void {
    const job = { signals: new SignalEmitter() };
    this.job = job;
    this.queued.length = 0;
    const stdout = this.output.stream();
    const io: CommandIO = { stdin: this.stdin(job), stdout, stderr: stdout, signals: job.signals, terminal: this.terminalControl() };
    this.notify();
    this.jobDone = this.shell
      .run(source, io)
      .catch((error: unknown) => {
        // An engine bug must not take the terminal down with it.
        stdout.write(`bash: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      })
      .then((status) => this.finishJob(status));
    this.notify();
  }

  private finishJob(status: number): void {
    this.lastStatusValue = status;
    this.job = undefined;
    for (const reader of this.readers.splice(0)) reader(null);
    this.queued.length = 0;
    this.raw = false;
    this.editor.setRaw(false);
    this.editor.setEcho(true);
    const exit = this.shell.exitRequested;
    if (exit !== undefined && exit !== null) {
      // Interactive bash says goodbye the same way for `exit` and Ctrl-D.
      if (!this.output.atLineStart) this.output.write('\r\n');
      this.output.write('exit\r\n');
      this.lastStatusValue = exit;
      this.exited = true;
      this.notify();
      return;
    }
    this.showPrompt();
  }

  /** The terminal as one job's stdin; once that job is over (a background job lives on), it reads end of file. */
  private stdin(job: { readonly signals: SignalEmitter }): InputStream {
    return {
      read: () => {
        if (this.job !== job) return Promise.resolve(null);
        if (this.queued.length > 0) return Promise.resolve(this.queued.shift()!);
        return new Promise<string | null>((resolve) => {
          this.readers.push(resolve);
          if (!this.raw && this.readers.length === 1) this.editor.readLine(this.output.column);
          this.notify();
        });
      },
    };
  }

  private terminalControl(): TerminalControl {
    const size = (): { columns: number; rows: number } => ({ columns: this.columnsValue, rows: this.rowsValue });
    return {
      setRawMode: (raw: boolean): void => {
        this.raw = raw;
        this.editor.setRaw(raw);
        if (!raw && this.readers.length > 0) this.editor.readLine(this.output.column);
      },
      setEcho: (echo: boolean): void => this.editor.setEcho(echo),
      get columns(): number {
        return size().columns;
      },
      get rows(): number {
        return size().rows;
      },
    };
  }
}
