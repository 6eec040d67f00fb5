/**
 * The shell's public face. A Shell keeps its variables, cwd, functions and
 * traps between `run` calls, so a terminal session calls `run` once per line,
 * and a container's `sh -c` creates one and runs one script.
 */
import type { Clock } from '../os/clock.js';
import type { CommandIO, ExternalCommand, SignalName } from '../os/process.js';
import { SIGNAL_NUMBERS } from '../os/process.js';
import type { Vfs } from '../os/vfs.js';
import type { HttpClient } from './commands/http.js';
import { ExitRequest, Interrupted, ShellSyntaxError } from './errors.js';
import { ExpansionError } from './expand.js';
import { BufferedInput } from './input.js';
import { Interpreter } from './interpreter.js';
import { parseScript } from './parser.js';
import { SignalHub, type ExecIO, type Flavor, type Runtime } from './runtime.js';
import { exportedEnv, newState, type ShellOptions as LanguageOptions } from './state.js';

export { ShellSyntaxError } from './errors.js';
export { quoteForShell } from './quote.js';
export type { HttpClient, HttpClientRequest, HttpClientResponse } from './commands/http.js';
export { CONNECTION_REFUSED, HOST_NOT_FOUND, HttpConnectError } from './commands/http.js';
export { COREUTIL_NAMES } from './coreutils/index.js';
export { BUILTINS } from './builtins/index.js';

export interface ShellInit {
  readonly fs: Vfs;
  readonly cwd: string;
  readonly env: Map<string, string> | Record<string, string>;
  readonly clock: Clock;
  readonly flavor: Flavor;
  readonly commands?: (name: string) => ExternalCommand | undefined;
  readonly history?: () => readonly string[];
  readonly http?: HttpClient;
  /** `$0` and the prefix of error messages (`/bin/sh` gives `/bin/sh: 1: foo: not found`). */
  readonly scriptName?: string;
  /** Positional parameters `$1…`. */
  readonly args?: readonly string[];
  /** Interactive shells announce background jobs and keep going after expansion errors. Default: bash without a scriptName. */
  readonly interactive?: boolean;
  /** `$$`; default 1 for sh (a container's first process), 100 for bash. */
  readonly pid?: number;
}

export class Shell {
  private readonly interp: Interpreter;
  private readonly rt: Runtime;
  private exitCode: number | null = null;

  constructor(init: ShellInit) {
    const env = init.env instanceof Map ? new Map(init.env) : new Map(Object.entries(init.env));
    const pid = init.pid ?? (init.flavor === 'sh' ? 1 : 100);
    let next = pid;
    this.rt = {
      fs: init.fs,
      clock: init.clock,
      flavor: init.flavor,
      scriptName: init.scriptName,
      interactive: init.interactive ?? (init.flavor === 'bash' && init.scriptName === undefined),
      commands: init.commands,
      history: init.history,
      http: init.http,
      signals: new SignalHub(),
      nextPid: () => ++next,
    };
    const state = newState({ env, cwd: init.cwd, argv0: init.scriptName ?? init.flavor, pid });
    state.positional = [...(init.args ?? [])];
    if (!state.vars.has('PWD')) state.vars.set('PWD', init.cwd);
    this.interp = new Interpreter(this.rt, state);
  }

  get cwd(): string {
    return this.interp.state.cwd;
  }

  /** The exported environment (what a command started now would see). */
  get env(): Map<string, string> {
    return exportedEnv(this.interp.state);
  }

  /** All shell variables, exported or not. */
  get variables(): ReadonlyMap<string, string> {
    return this.interp.state.vars;
  }

  get lastStatus(): number {
    return this.interp.state.lastStatus;
  }

  /** Set once `exit` has run: the terminal should close. */
  get exitRequested(): number | null {
    return this.exitCode;
  }

  /** Whether a trap is set for the signal; a container runtime uses it to decide what PID 1 ignores. */
  hasTrap(signal: SignalName): boolean {
    return this.interp.state.traps.has(signal);
  }

  setOption(name: keyof LanguageOptions, value: boolean): void {
    this.interp.state.options[name] = value;
  }

  /** False when more lines are needed (open quote, `if` without `fi`, trailing `|`): prompt `> `. */
  isComplete(source: string): boolean {
    try {
      parseScript(source);
      return true;
    } catch (e) {
      if (e instanceof ShellSyntaxError) return !e.incomplete;
      throw e;
    }
  }

  /** Runs a command line or a whole script and returns its exit status (`$?`). */
  async run(source: string, io: CommandIO): Promise<number> {
    const { state } = this.interp;
    const hub = this.rt.signals;
    hub.reset();
    const execIO: ExecIO = {
      stdin: BufferedInput.of(io.stdin),
      stdout: io.stdout,
      stderr: io.stderr,
      signals: hub.foreground,
      terminal: io.terminal,
    };
    const off = io.signals.on((signal) => {
      if (signal === 'SIGWINCH') return;
      // The terminal's Ctrl-C reaches the whole foreground process group: the running command too.
      if (signal === 'SIGINT' || signal === 'SIGKILL') hub.foreground.emit(signal);
      hub.deliver(signal, state.traps.has(signal), 128 + SIGNAL_NUMBERS[signal]);
    });
    let status: number;
    this.announceJobs(io);
    try {
      let script;
      try {
        script = parseScript(source);
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        io.stderr.write(this.interp.syntaxMessage(e) + '\n');
        state.lastStatus = 2;
        return 2;
      }
      status = await this.interp.runList(script, execIO);
      if (!this.rt.interactive) await this.runExitTrap(execIO);
    } catch (e) {
      if (e instanceof ExitRequest) {
        status = e.code;
        this.exitCode = e.code;
        state.lastStatus = status;
        await this.runExitTrap(execIO);
      } else if (e instanceof ExpansionError) {
        // An expansion failing outside a simple command (a `for` list, a `case` word) ends the line.
        io.stderr.write(`${this.interp.prefix(0)}: ${e.message}\n`);
        status = 1;
      } else if (e instanceof Interrupted) {
        status = e.code;
        if (!this.rt.interactive) this.exitCode = e.code;
      } else throw e;
    } finally {
      off();
    }
    state.lastStatus = status;
    this.announceJobs(io);
    return status;
  }

  private announceJobs(io: CommandIO): void {
    if (!this.rt.interactive) return;
    const notices = this.interp.reapJobs();
    if (notices) io.stderr.write(notices);
  }

  /** Notices for background jobs that finished since the last call (bash prints them before a prompt). */
  finishedJobs(): string {
    return this.interp.reapJobs();
  }

  private async runExitTrap(io: ExecIO): Promise<void> {
    const action = this.interp.state.traps.get('EXIT');
    if (!action) return;
    this.interp.state.traps.delete('EXIT');
    try {
      await this.interp.runSource(action, io);
    } catch (e) {
      if (!(e instanceof ExitRequest)) throw e;
    }
  }
}
