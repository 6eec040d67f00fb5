/**
 * The builder's view of one Dockerfile instruction: enough of BuildKit's AST
 * (keyword, flags, exec-form JSON, heredocs, line range) to dispatch it.
 */
export interface Heredoc {
  readonly name: string;
  readonly content: string;
  /** `<<EOF` (unquoted) expands variables when used as a COPY source. */
  readonly expand: boolean;
}

export interface Instruction {
  /** Upper-case keyword: `RUN`, `COPY`, … */
  readonly keyword: string;
  /** Leading `--name=value` words, as written. */
  readonly flags: readonly string[];
  /** Text after the keyword and the flags, continuation lines joined (what BuildKit quotes back). */
  readonly rest: string;
  /** The exec-form array when `rest` is a JSON array of strings. */
  readonly json?: readonly string[];
  readonly heredocs: readonly Heredoc[];
  /** `KEYWORD` + everything after it, as shown in step names (`COPY --chown=node . .`). */
  readonly display: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Came from the base image's ONBUILD triggers. */
  readonly onbuild?: boolean;
}

/** A parse error worded as BuildKit's frontend words it, with the line for the snippet. */
export class DockerfileSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly endLine = line,
  ) {
    super(message);
    this.name = 'DockerfileSyntaxError';
  }
}

/** Reads `--name=value` / `--name` flags into a map (last one wins, as BuildKit's BFlags). */
export function flagMap(flags: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const flag of flags) {
    const body = flag.replace(/^--/, '');
    const eq = body.indexOf('=');
    if (eq < 0) out.set(body, 'true');
    else out.set(body.slice(0, eq), body.slice(eq + 1));
  }
  return out;
}
