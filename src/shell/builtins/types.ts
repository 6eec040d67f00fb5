/**
 * Builtins run inside the shell: they may read and change its state (cd,
 * export, read, trap…). Coreutils, by contrast, are ordinary commands that see
 * only a CommandContext.
 */
import type { Interpreter } from '../interpreter.js';
import type { ExecIO } from '../runtime.js';

export interface BuiltinEnv {
  readonly sh: Interpreter;
  readonly io: ExecIO;
  /** The command's own name as typed (`[` or `test`). */
  readonly name: string;
  /** Source line, for error prefixes. */
  readonly line: number;
  /** Prints `bash: <name>: <message>` (or the dash form) to stderr. */
  err(message: string): void;
}

/** `args` excludes the command name. */
export type Builtin = (args: string[], env: BuiltinEnv) => Promise<number> | number;
