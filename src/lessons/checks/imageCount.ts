/** `imageCount`: how many images `docker images -a` lists, optionally only dangling ones. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { count } from './refs.js';

export const imageCountSchema = z.strictObject({
  kind: z.literal('imageCount').describe('Passes when the number of local images is within [min, max].'),
  dangling: z.boolean().optional().describe('true: count only dangling (<none>:<none>) images; false: only tagged ones.'),
  min: z.number().int().min(0).optional().describe('At least this many.'),
  max: z.number().int().min(0).optional().describe('At most this many.'),
});
export type ImageCountCheck = z.infer<typeof imageCountSchema>;

function what(c: ImageCountCheck): string {
  return c.dangling === true ? 'dangling image(s)' : c.dangling === false ? 'tagged image(s)' : 'image(s)';
}

export const imageCount: PredicateKind<ImageCountCheck> = {
  kind: 'imageCount',
  describe(c) {
    if (c.max === 0) return `there are no ${what(c).replace('(s)', 's')}`;
    const min = c.min ?? (c.max === undefined ? 1 : undefined);
    if (min !== undefined && c.max !== undefined) return `between ${min} and ${c.max} ${what(c)} exist`;
    return min !== undefined ? `at least ${min} ${what(c)} exist` : `at most ${c.max} ${what(c)} exist`;
  },
  evaluate(c, state) {
    const n = state.images.filter((i) => c.dangling === undefined || (i.repoTags.length === 0) === c.dangling).length;
    const min = c.min ?? (c.max === undefined ? 1 : undefined);
    if ((min !== undefined && n < min) || (c.max !== undefined && n > c.max)) return fail(`there ${n === 1 ? 'is' : 'are'} ${count(n, what(c).replace('(s)', ''))}`);
    return PASS;
  },
};
