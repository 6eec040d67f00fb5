/**
 * docker/cli's StatusError: a message for stderr plus the exit code. Commands
 * throw it for client-side failures; the dispatcher prints it and returns the code.
 */
export class StatusError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'StatusError';
  }
}
