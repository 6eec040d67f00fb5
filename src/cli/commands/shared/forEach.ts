/**
 * docker stop/kill/restart/rm run one API call per argument, echo each
 * argument that succeeded (as typed, in argument order) and then print the
 * collected errors, one per line, exiting 1 if any failed.
 */
import type { DockerContext } from '../../context.js';
import { StatusError } from '../../argv/status.js';
import { errorText } from './daemonError.js';

export async function forEachArg(
  args: readonly string[],
  ctx: DockerContext,
  action: (arg: string) => Promise<void>,
  options: { readonly ignore?: (error: unknown) => boolean } = {},
): Promise<number> {
  // All calls start at once; results are reported in argument order as each one settles.
  const pending = args.map((arg) =>
    // Through a promise so that an engine method that throws synchronously is collected like any other failure.
    Promise.resolve(arg)
      .then(action)
      .then(
        () => undefined,
        (error: unknown) => ({ error }),
      ),
  );
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const result = await pending[i];
    if (!result) ctx.stdout.write(`${args[i]}\n`);
    else if (!options.ignore?.(result.error)) errors.push(errorText(result.error));
  }
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
  return 0;
}
