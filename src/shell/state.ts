/**
 * The variables and settings one shell (or subshell) owns. A subshell, a
 * pipeline stage and a command substitution get a clone, so their changes do
 * not reach the parent, as in bash.
 */
import type { Command } from './ast.js';

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  pipefail: boolean;
  xtrace: boolean;
}

export interface Job {
  readonly id: number;
  readonly pid: number;
  readonly command: string;
  readonly promise: Promise<number>;
  status: number | null;
  /** Delivers a signal to the job (the `kill` builtin). */
  signal(sig: import('../os/process.js').SignalName): void;
}

export interface ShellState {
  readonly vars: Map<string, string>;
  readonly exported: Set<string>;
  cwd: string;
  positional: string[];
  /** `$0`. */
  argv0: string;
  lastStatus: number;
  /** `$!`, 0 before the first background job. */
  lastBackground: number;
  readonly pid: number;
  readonly functions: Map<string, Command>;
  readonly aliases: Map<string, string>;
  /** Trap commands by signal name (`SIGINT`) or `EXIT`. */
  readonly traps: Map<string, string>;
  readonly options: ShellOptions;
  readonly jobs: Map<number, Job>;
  /** Nesting depth of function calls, for `return` outside a function. */
  functionDepth: number;
  /** Nesting depth of loops, for `break` outside a loop. */
  loopDepth: number;
}

export function newState(init: { env: Map<string, string>; cwd: string; argv0: string; pid: number }): ShellState {
  const vars = new Map(init.env);
  return {
    vars,
    exported: new Set(init.env.keys()),
    cwd: init.cwd,
    positional: [],
    argv0: init.argv0,
    lastStatus: 0,
    lastBackground: 0,
    pid: init.pid,
    functions: new Map(),
    aliases: new Map(),
    traps: new Map(),
    options: { errexit: false, nounset: false, pipefail: false, xtrace: false },
    jobs: new Map(),
    functionDepth: 0,
    loopDepth: 0,
  };
}

/** A subshell's copy: same values, independent containers. Traps are reset in a subshell, as in bash. */
export function cloneState(s: ShellState): ShellState {
  return {
    ...s,
    vars: new Map(s.vars),
    exported: new Set(s.exported),
    positional: [...s.positional],
    functions: new Map(s.functions),
    aliases: new Map(s.aliases),
    traps: new Map(),
    options: { ...s.options },
    jobs: new Map(),
  };
}

/** The environment a command sees: exported variables, plus the command's own prefix assignments. */
export function exportedEnv(s: ShellState, extra?: ReadonlyMap<string, string>): Map<string, string> {
  const env = new Map<string, string>();
  for (const name of s.exported) {
    const v = s.vars.get(name);
    if (v !== undefined) env.set(name, v);
  }
  if (extra) for (const [k, v] of extra) env.set(k, v);
  return env;
}
