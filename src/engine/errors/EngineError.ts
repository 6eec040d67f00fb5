/**
 * Every expected engine failure is an EngineError carrying the daemon's exact
 * message (without the client's `Error response from daemon: ` prefix) and a
 * category, which the CLI maps to Docker's exit codes and decorations.
 */
export type EngineErrorCategory =
  /** 404: no such container / image / object. */
  | 'notFound'
  /** 409: name in use, rm of a running container, rmi of an image in use. */
  | 'conflict'
  /** 400: invalid name, invalid reference, bad port spec. */
  | 'invalidParameter'
  /** 401/403: registry denied. */
  | 'forbidden'
  /** The container failed to start its process (exec not found, permission). */
  | 'startFailed'
  /** Anything else the daemon reports as a 500. */
  | 'system';

export class EngineError extends Error {
  constructor(
    message: string,
    readonly category: EngineErrorCategory,
    /** For startFailed: the exit code docker run reports (127, 126, 128). */
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /** Plain data, because structured clone (comlink) drops custom error fields. */
  toJSON(): { name: string; message: string; category: EngineErrorCategory; exitCode?: number } {
    return { name: this.name, message: this.message, category: this.category, exitCode: this.exitCode };
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
