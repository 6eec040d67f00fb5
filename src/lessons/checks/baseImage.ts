/** `baseImage`: the final stage of the Dockerfile builds FROM this image. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { instructionsOf } from './instructionMatch.js';
import { sameRef } from './refs.js';

export const baseImageSchema = z.strictObject({
  kind: z.literal('baseImage').describe("Passes when the last FROM names this image."),
  image: z.string().min(1).describe('The base image reference, e.g. `node` or `python:3.12`.'),
});
export type BaseImageCheck = z.infer<typeof baseImageSchema>;

export const baseImage: PredicateKind<BaseImageCheck> = {
  kind: 'baseImage',
  describe: (c) => `the Dockerfile builds FROM ${c.image}`,
  evaluate(c, state) {
    const instructions = instructionsOf(state);
    if (!Array.isArray(instructions)) return instructions as ReturnType<PredicateKind<BaseImageCheck>['evaluate']>;
    const froms = instructions.filter((i) => i.keyword === 'FROM');
    if (froms.length === 0) return fail('the Dockerfile has no FROM');
    const words = froms[froms.length - 1].args.split(/\s+/).filter((w: string) => !w.startsWith('--'));
    const base = words[0] ?? '';
    return sameRef(base, c.image) ? PASS : fail(`the Dockerfile builds FROM ${base}, not ${c.image}`);
  },
};
