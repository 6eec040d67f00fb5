/**
 * A Dockerfile that BuildKit refuses. `message` is BuildKit's wording; the
 * lines (1-based, inclusive; 0 when unknown) let the builder print its
 * source snippet.
 */
export class DockerfileParseError extends Error {
  constructor(
    message: string,
    readonly startLine: number,
    readonly endLine: number = startLine,
  ) {
    super(message);
    this.name = 'DockerfileParseError';
  }
}

export function isDockerfileParseError(value: unknown): value is DockerfileParseError {
  return value instanceof DockerfileParseError;
}

/** Raised by the shell-word lexer (`shell/lex.go`); callers wrap it with a location. */
export class ShellLexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellLexError';
  }
}
