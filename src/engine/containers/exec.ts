/** `docker exec`: a process beside PID 1, in the same rootfs, network and lifetime. */
import type { CommandIO } from '../../os/process.js';
import { emptyInput } from '../../os/streams.js';
import type { ExecOptions } from '../api.js';
import type { EngineContext } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import { ExecError, execFailureMessage, lookPath, selectProgram } from '../programs/resolve.js';
import type { ProcessSpec } from '../programs/types.js';
import type { ContainerRecord } from './model.js';
import type { Run } from './runtime.js';
import { processEnv } from './runtime.js';

export async function execInContainer(c: ContainerRecord, run: Run, ctx: EngineContext, options: ExecOptions, io: CommandIO): Promise<number> {
  const spec: ProcessSpec = {
    argv: options.cmd,
    env: processEnv(c, options.env ?? []),
    cwd: options.workdir ?? (c.config.workingDir || '/'),
    user: options.user ?? c.config.user,
    tty: options.tty ?? false,
    openStdin: options.interactive ?? false,
  };
  const execIo: CommandIO = { ...io, stdin: options.interactive ? io.stdin : emptyInput, terminal: options.tty ? io.terminal : undefined };
  try {
    const path = lookPath(c.fs, spec.argv[0] ?? '', spec.env, spec.cwd);
    selectProgram(c.fs, path, spec.argv, ctx.programs, spec.env, spec.cwd);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    throw new EngineError(execFailureMessage(error), 'startFailed', error.exitCode);
  }
  // The exec'd process dies with the container (its kill switch is PID 1's).
  const running = ctx.runner.run(spec, c.fs, execIo, { killed: run.killed.token, pid1: false, listen: run.network.listen });
  if (options.detach) {
    running.catch(() => undefined);
    return 0;
  }
  return running;
}
