import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError } from '../../../engine/index.js';
import { parseReference } from '../../engineHelpers.js';

export const tagCommand: CommandSpec = {
  name: 'tag',
  use: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { kind: 'exact', n: 2 },
  interspersed: false,
  flags: [],
  async run({ args }, ctx) {
    const [source, target] = args;
    try {
      parseReference(target);
    } catch (error) {
      // The client validates the target before calling the daemon (moby client/image_tag.go).
      if (isEngineError(error)) throw new StatusError(`error parsing reference: "${target}" is not a valid repository/tag: ${error.message}`, 1);
      throw error;
    }
    ctx.engine.images.tag(source, target);
    return 0;
  },
};
