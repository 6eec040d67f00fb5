/**
 * The docker CLI: `runDocker(argv, ctx)` runs one `docker …` command line
 * (argv without the leading `docker`) and resolves with its exit code.
 */
import type { DockerContext } from './context.js';
import { dispatch } from './argv/dispatch.js';
import { COMMAND_TREE } from './commands/tree.js';

export type { DockerContext } from './context.js';
export { dockerCompletions } from './completion.js';

export function runDocker(argv: readonly string[], ctx: DockerContext): Promise<number> {
  return dispatch(argv, ctx, COMMAND_TREE);
}
