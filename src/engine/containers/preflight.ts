/**
 * What runc checks before a container's process exists: the working directory
 * and the executable. A failure here leaves the container Created (or Exited
 * with the code if it ran before) and is reported with the daemon's wording.
 */
import type { ProgramRegistry } from '../context.js';
import { ExecError, lookPath, selectProgram, startFailureMessage } from '../programs/resolve.js';
import type { ProcessSpec } from '../programs/types.js';
import type { ContainerRecord } from './model.js';

const PREFIX = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';

export function preflight(c: ContainerRecord, spec: ProcessSpec, programs: ProgramRegistry): { readonly message: string; readonly exitCode: number } | undefined {
  try {
    // The daemon creates a missing WORKDIR at start; runc then fails to chdir into a non-directory.
    if (c.config.workingDir) c.fs.mkdir(c.config.workingDir, { recursive: true });
  } catch {
    return { message: `${PREFIX}chdir to cwd ("${c.config.workingDir}") set in config.json failed: not a directory: unknown`, exitCode: 128 };
  }
  try {
    const path = lookPath(c.fs, spec.argv[0] ?? '', spec.env, spec.cwd);
    selectProgram(c.fs, path, spec.argv, programs, spec.env, spec.cwd);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    return { message: startFailureMessage(error), exitCode: error.exitCode ?? 127 };
  }
  return undefined;
}
