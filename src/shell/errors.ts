/**
 * Syntax errors and the non-local exits of the language (exit, return, break,
 * continue, an interrupt) as exceptions, so the interpreter can unwind nested
 * commands with ordinary control flow.
 */

export class ShellSyntaxError extends Error {
  constructor(
    /** The offending token as bash quotes it (`fi`, `newline`, `|`), or null at end of input. */
    readonly token: string | null,
    /** True when more input could complete the command (an open quote, `if` without `fi`, a trailing `|`). */
    readonly incomplete: boolean,
    /** 1-based line of the error. */
    readonly line: number,
    /** For end-of-input errors: what was being looked for (dash's `expecting "fi"`, bash's matching quote). */
    readonly expecting?: string,
    /** An unterminated quote character, when that is the problem. */
    readonly quote?: string,
  ) {
    super(token === null ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${token}'`);
    this.name = 'ShellSyntaxError';
  }

  /** The message bash prints after `bash: ` (interactive form). */
  bashMessage(): string {
    if (this.quote) return `unexpected EOF while looking for matching \`${this.quote}'`;
    if (this.token === null) return 'syntax error: unexpected end of file';
    return `syntax error near unexpected token \`${this.token}'`;
  }

  /** The message dash prints after `sh: 1: `. */
  dashMessage(): string {
    if (this.quote) return 'Syntax error: Unterminated quoted string';
    if (this.token === null) return `Syntax error: end of file unexpected${this.expecting ? ` (expecting "${this.expecting}")` : ''}`;
    const shown = this.token === 'newline' ? 'newline' : `"${this.token}"`;
    return `Syntax error: ${shown} unexpected${this.expecting ? ` (expecting "${this.expecting}")` : ''}`;
  }
}

/** `exit n`, or a fatal error in a non-interactive shell. */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export class ReturnRequest extends Error {
  constructor(readonly code: number) {
    super(`return ${code}`);
  }
}

/** `break n` / `continue n`: unwinds `levels` enclosing loops. */
export class LoopControl extends Error {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {
    super(kind);
  }
}

/** A signal ended the running command list (Ctrl-C, SIGTERM without a trap). */
export class Interrupted extends Error {
  constructor(readonly code: number) {
    super(`interrupted ${code}`);
  }
}

/** A write to a pipe whose reader has gone (SIGPIPE): the writing stage stops. */
export class BrokenPipe extends Error {
  constructor() {
    super('broken pipe');
  }
}
