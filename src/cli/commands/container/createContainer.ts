/**
 * The create half of `docker run` and `docker create`: pull when the image is
 * missing (`Unable to find image 'x:latest' locally` and the pull progress on
 * stderr, without the final reference line), create, and print warnings.
 */
import type { DockerContext } from '../../context.js';
import { familiarString, parseReference, withDefaultTag } from '../../engineHelpers.js';
import { pullWithProgress } from '../shared/pull.js';
import type { ContainerOptions } from './containerOptions.js';

export async function createContainer(opts: ContainerOptions, ctx: DockerContext): Promise<string> {
  const image = opts.create.image;
  const pull = async (): Promise<void> => {
    await pullWithProgress(image, ctx, ctx.stderr, ctx.terminal, opts.quiet);
  };
  if (opts.pull === 'always') await pull();
  else if (opts.pull === 'missing' && ctx.engine.images.resolve(image) === undefined) {
    ctx.stderr.write(`Unable to find image '${familiarString(withDefaultTag(parseReference(image)))}' locally\n`);
    await pull();
  }
  const { id, warnings } = ctx.engine.containers.create(opts.create);
  for (const warning of warnings) ctx.stderr.write(`WARNING: ${warning}\n`);
  return id;
}
