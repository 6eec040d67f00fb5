/**
 * Runs the syntax tree: lists, and-or chains, pipelines, compound commands,
 * background jobs, signals and traps. Simple commands are run by ./exec.ts.
 */
import { Pipe, CollectingOutput, emptyInput } from '../os/streams.js';
import type { OutputStream, SignalName } from '../os/process.js';
import { SIGNAL_NUMBERS } from '../os/process.js';
import type { AndOr, Command, Pipeline, Redirect, Script } from './ast.js';
import { ArithError, evaluateArith } from './arith.js';
import { BrokenPipe, ExitRequest, Interrupted, LoopControl, ReturnRequest, ShellSyntaxError } from './errors.js';
import { runSimple } from './exec.js';
import { expandPattern, expandString, expandWords, ExpansionError, type ExpandContext } from './expand.js';
import { matchPattern } from './glob.js';
import { BufferedInput } from './input.js';
import { parseScript } from './parser.js';
import { applyRedirects, type RedirectResult } from './redirect.js';
import { SignalHub, type ExecIO, type Runtime } from './runtime.js';
import { cloneState, type ShellState } from './state.js';

/** How often a busy loop hands control back to the host so Ctrl-C and the UI get through. */
const YIELD_EVERY = 256;

export class Interpreter {
  /** Depth of contexts where a failure must not trigger `set -e` (if/while conditions, `&&` left sides, `!`). */
  private conditionDepth = 0;
  private steps = 0;
  /** Counts command substitutions run, so an assignment-only command can take the last one's status. */
  substitutions = 0;

  constructor(
    readonly rt: Runtime,
    readonly state: ShellState,
    /** Job control: an interactive shell announces background jobs (`[1] 4242`); its subshells do not, as in bash. */
    private readonly jobControl = rt.interactive === true,
  ) {}

  /** A child interpreter with a copy of this shell's state (subshell, pipeline stage, substitution). */
  subshell(): Interpreter {
    return new Interpreter(this.rt, cloneState(this.state), false);
  }

  /** The `bash` / `sh: 3` / `./x.sh: line 3` prefix of the shell's own error messages. */
  prefix(line: number): string {
    const { flavor, scriptName, interactive } = this.rt;
    if (flavor === 'sh') return `${scriptName ?? 'sh'}: ${line}`;
    if (scriptName && !interactive) return `${scriptName}: line ${line}`;
    return scriptName ?? 'bash';
  }

  /** Parses and runs source in this shell (`eval`, `.`); syntax errors are reported, status 2. */
  async runSource(source: string, io: ExecIO): Promise<number> {
    let script: Script;
    try {
      script = parseScript(source);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.stderr.write(this.syntaxMessage(e) + '\n');
      this.state.lastStatus = 2;
      return 2;
    }
    return this.runList(script, io);
  }

  syntaxMessage(e: ShellSyntaxError): string {
    if (this.rt.flavor === 'sh') return `${this.prefix(e.line)}: ${e.dashMessage()}`;
    return `${this.prefix(e.line)}: ${e.bashMessage()}`;
  }

  async runList(list: Script, io: ExecIO): Promise<number> {
    let status = this.state.lastStatus;
    for (const item of list) {
      await this.checkpoint(io);
      if (item.background) {
        this.startBackground(item.andOr, io, item.text ?? '');
        status = 0;
      } else {
        status = await this.runAndOr(item.andOr, io);
      }
      this.state.lastStatus = status;
    }
    return status;
  }

  /** Between commands: ends the run on an untrapped signal, runs pending traps, yields now and then. */
  async checkpoint(io: ExecIO): Promise<void> {
    const hub = this.rt.signals;
    if (hub.interrupted !== null) throw new Interrupted(hub.interrupted);
    while (hub.pendingTraps.length > 0) {
      const sig = hub.pendingTraps.shift()!;
      const action = this.state.traps.get(sig);
      if (action) {
        const saved = this.state.lastStatus;
        await this.runSource(action, io);
        this.state.lastStatus = saved;
      }
    }
    if (++this.steps % YIELD_EVERY === 0) {
      await this.rt.clock.sleep(0);
      if (hub.interrupted !== null) throw new Interrupted(hub.interrupted);
    }
  }

  async runAndOr(andOr: AndOr, io: ExecIO): Promise<number> {
    const chain = [{ op: '&&' as const, pipeline: andOr.first }, ...andOr.rest];
    let status = 0;
    for (let i = 0; i < chain.length; i++) {
      const { op, pipeline } = chain[i];
      if (i > 0 && (op === '&&' ? status !== 0 : status === 0)) continue;
      const isLast = i === chain.length - 1;
      if (!isLast) this.conditionDepth++;
      try {
        status = await this.runPipeline(pipeline, io);
      } finally {
        if (!isLast) this.conditionDepth--;
      }
      this.state.lastStatus = status;
      if (isLast && status !== 0 && !pipeline.negate && this.state.options.errexit && this.conditionDepth === 0) {
        throw new ExitRequest(status);
      }
    }
    return status;
  }

  async runPipeline(pipeline: Pipeline, io: ExecIO): Promise<number> {
    if (pipeline.negate) this.conditionDepth++;
    let status: number;
    try {
      status = pipeline.commands.length === 1 ? await this.runCommand(pipeline.commands[0], io) : await this.runStages(pipeline.commands, io);
    } finally {
      if (pipeline.negate) this.conditionDepth--;
    }
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  private async runStages(commands: readonly Command[], io: ExecIO): Promise<number> {
    const pipes = commands.slice(1).map(() => new Pipe());
    const readerGone = pipes.map(() => false);
    const stages = commands.map(async (command, i) => {
      const stdin = i === 0 ? io.stdin : BufferedInput.of(pipes[i - 1]);
      const stdout: OutputStream =
        i === commands.length - 1
          ? io.stdout
          : {
              write: (text: string) => {
                if (readerGone[i]) throw new BrokenPipe();
                pipes[i].write(text);
              },
            };
      const child = this.subshell();
      try {
        return await child.runCommand(command, { ...io, stdin, stdout, terminal: undefined });
      } catch (e) {
        if (e instanceof BrokenPipe) return 128 + 13;
        if (e instanceof ExitRequest) return e.code;
        throw e;
      } finally {
        if (i < pipes.length) pipes[i].close();
        if (i > 0) readerGone[i - 1] = true;
      }
    });
    const statuses = await Promise.all(stages);
    if (this.state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return statuses[statuses.length - 1];
  }

  async runCommand(command: Command, io: ExecIO): Promise<number> {
    if (command.kind === 'simple') return runSimple(this, command, io);
    if (command.kind === 'function') {
      this.state.functions.set(command.name, command.body);
      return 0;
    }
    const redirected = await this.redirect(command.redirs, io, 0);
    if (!redirected) return 1;
    try {
      return await this.runCompound(command, redirected.io);
    } finally {
      redirected.close();
    }
  }

  /** Applies redirections; null (after printing bash's message) when one fails. */
  async redirect(redirs: readonly Redirect[], io: ExecIO, line: number): Promise<{ io: ExecIO; close(): void } | null> {
    if (redirs.length === 0) return { io, close: () => undefined };
    const ctx = this.expandContext(io);
    const result = await this.applyRedirectsReporting(redirs, io, line, ctx);
    if (!result) return null;
    const { stdin, stdout, stderr } = result.streams;
    const changed = stdin !== io.stdin || stdout !== io.stdout;
    return { io: { ...io, stdin: BufferedInput.of(stdin), stdout, stderr, terminal: changed ? undefined : io.terminal }, close: result.close };
  }

  private async applyRedirectsReporting(redirs: readonly Redirect[], io: ExecIO, line: number, ctx: ExpandContext): Promise<RedirectResult | null> {
    try {
      return await this.applyRedirectsOnce(redirs, io, line, ctx);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      io.stderr.write(`${this.prefix(line)}: ${e.message}\n`);
      return null;
    }
  }

  private applyRedirectsOnce(redirs: readonly Redirect[], io: ExecIO, line: number, ctx: ExpandContext): Promise<RedirectResult | null> {
    return applyRedirects(redirs, io, {
      fs: this.rt.fs,
      cwd: this.state.cwd,
      expand: async (r) => {
        if (r.op === '<<' || r.op === '<<-') return r.heredoc ? expandString(r.heredoc, ctx, false) : '';
        if (r.op === '<<<') return (await expandString(r.target, ctx)) + '\n';
        const fields = await expandWords([r.target], ctx);
        if (fields.length !== 1) throw new ExpansionError(`${r.target.raw}: ambiguous redirect`);
        return fields[0];
      },
      fail: (message, dashMessage) => io.stderr.write(`${this.prefix(line)}: ${this.rt.flavor === 'sh' && dashMessage ? dashMessage : message}\n`),
    });
  }

  private async runCompound(command: Command, io: ExecIO): Promise<number> {
    switch (command.kind) {
      case 'group':
        return this.runList(command.body, io);
      case 'subshell': {
        const child = this.subshell();
        try {
          return await child.runList(command.body, io);
        } catch (e) {
          if (e instanceof ExitRequest) return e.code;
          throw e;
        }
      }
      case 'if': {
        for (const clause of command.clauses) {
          if ((await this.runCondition(clause.cond, io)) === 0) return this.runList(clause.body, io);
        }
        return command.elseBody ? this.runList(command.elseBody, io) : 0;
      }
      case 'while':
        return this.runLoop(async () => ((await this.runCondition(command.cond, io)) === 0) !== command.until, command.body, io);
      case 'for': {
        const items = command.items ? await expandWords(command.items, this.expandContext(io)) : [...this.state.positional];
        let index = 0;
        return this.runLoop(
          async () => {
            if (index >= items.length) return false;
            this.state.vars.set(command.name, items[index++]);
            return true;
          },
          command.body,
          io,
        );
      }
      case 'arith': {
        const ctx = this.expandContext(io);
        const text = await expandString(command.expr, ctx, false);
        try {
          const value = evaluateArith(text, (name) => this.state.vars.get(name), (name, v) => this.state.vars.set(name, String(v)));
          return value !== 0 ? 0 : 1;
        } catch (e) {
          if (!(e instanceof ArithError)) throw e;
          io.stderr.write(`${this.prefix(0)}: ((: ${text.trim()}: ${e.message}\n`);
          return 1;
        }
      }
      case 'case': {
        const ctx = this.expandContext(io);
        const subject = await expandString(command.word, ctx);
        for (const item of command.items) {
          for (const p of item.patterns) {
            if (matchPattern(await expandPattern(p, ctx), subject)) return item.body.length ? this.runList(item.body, io) : 0;
          }
        }
        return 0;
      }
      default:
        return 0;
    }
  }

  private async runCondition(cond: Script, io: ExecIO): Promise<number> {
    this.conditionDepth++;
    try {
      return await this.runList(cond, io);
    } finally {
      this.conditionDepth--;
    }
  }

  private async runLoop(next: () => Promise<boolean>, body: Script, io: ExecIO): Promise<number> {
    let status = 0;
    this.state.loopDepth++;
    try {
      while (await next()) {
        await this.checkpoint(io);
        try {
          status = await this.runList(body, io);
        } catch (e) {
          if (!(e instanceof LoopControl)) throw e;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          status = 0;
          if (e.kind === 'break') break;
        }
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }

  private startBackground(andOr: AndOr, io: ExecIO, text: string): void {
    // A background job has its own signal bookkeeping: the terminal's Ctrl-C does not reach it.
    const hub = new SignalHub();
    const child = new Interpreter({ ...this.rt, signals: hub }, cloneState(this.state), false);
    const pid = this.rt.nextPid();
    const id = Math.max(0, ...this.state.jobs.keys()) + 1;
    const bgIO: ExecIO = { ...io, stdin: BufferedInput.of(emptyInput), signals: hub.foreground, terminal: undefined };
    const promise = child
      .runAndOr(andOr, bgIO)
      .then((status) => hub.interrupted ?? status)
      .catch((e: unknown) => {
        if (e instanceof ExitRequest || e instanceof Interrupted || e instanceof ReturnRequest) return e.code;
        // It wrote into a pipe whose reader had gone (it outlived the stage it was started in): SIGPIPE, as for a stage.
        if (e instanceof BrokenPipe) return 128 + 13;
        throw e;
      });
    const job = {
      id,
      pid,
      command: text,
      promise,
      status: null as number | null,
      // `kill` reaches the whole job: its running command and the subshell around it.
      signal: (sig: SignalName) => {
        hub.foreground.emit(sig);
        hub.deliver(sig, false, 128 + SIGNAL_NUMBERS[sig]);
      },
    };
    void promise.then((s) => (job.status = s));
    this.state.jobs.set(id, job);
    this.state.lastBackground = pid;
    if (this.jobControl) io.stderr.write(`[${id}] ${pid}\n`);
  }

  /** bash's notices for finished jobs (`[1]+  Done                    sleep 1`); the jobs are forgotten. */
  reapJobs(): string {
    const ids = [...this.state.jobs.keys()].sort((a, b) => a - b);
    let out = '';
    for (const id of ids) {
      const job = this.state.jobs.get(id)!;
      if (job.status === null) continue;
      const mark = id === ids[ids.length - 1] ? '+' : id === ids[ids.length - 2] ? '-' : ' ';
      const state = job.status === 0 ? 'Done' : `Exit ${job.status}`;
      out += `[${id}]${mark}  ${state.padEnd(24)}${job.command}\n`;
      this.state.jobs.delete(id);
    }
    return out;
  }

  expandContext(io: ExecIO): ExpandContext {
    return {
      state: this.state,
      fs: this.rt.fs,
      braces: this.rt.flavor === 'bash',
      substitute: async (script) => {
        const out = new CollectingOutput();
        const child = this.subshell();
        let status: number;
        try {
          status = await child.runList(script, { ...io, stdout: out, terminal: undefined });
        } catch (e) {
          if (e instanceof ExitRequest) status = e.code;
          else throw e;
        }
        this.state.lastStatus = status;
        this.substitutions++;
        return out.text;
      },
    };
  }
}
