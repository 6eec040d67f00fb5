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
  const results = await Promise.all(
    args.map(async (arg) => {
      try {
        await action(arg);
        return undefined;
      } catch (error) {
        return { error };
      }
    }),
  );
  const errors: string[] = [];
  results.forEach((result, i) => {
    if (!result) ctx.stdout.write(`${args[i]}\n`);
    else if (!options.ignore?.(result.error)) errors.push(errorText(result.error));
  });
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
  return 0;
}
