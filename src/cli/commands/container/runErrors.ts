/**
 * run/create failures (docker/cli run.go `toStatusError`): `docker: <msg>`, a
 * blank line and `Run 'docker run --help' for more information`; exit 127
 * for a missing executable, 126 for a permission problem, 125 otherwise
 * (always 125 for the client's own option errors).
 */
import { isEngineError } from '../../../engine/index.js';
import { StatusError } from '../../argv/status.js';
import { errorText } from '../shared/daemonError.js';
import { ClientError } from './containerOptions.js';

export function runStatusError(error: unknown, command: 'run' | 'create'): StatusError {
  if (error instanceof StatusError) return error;
  const text = error instanceof ClientError ? error.message : errorText(error);
  let status = 125;
  // Client-side option errors (`--env-file nope`) come from parse(), which always exits 125;
  // only daemon and start errors go through toStatusError's 127/126 classifier.
  if (error instanceof ClientError) status = 125;
  else if (isEngineError(error) && error.category === 'startFailed' && error.exitCode !== undefined) status = error.exitCode;
  else if (/executable file not found|no such file or directory/.test(text)) status = 127;
  else if (/permission denied|is a directory/.test(text)) status = 126;
  return new StatusError(`docker: ${text}\n\nRun 'docker ${command} --help' for more information`, status);
}
