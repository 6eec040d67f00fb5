/** `any`: at least one nested check holds. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export interface AnyCheck {
  readonly kind: 'any';
  readonly of: readonly unknown[];
}

export const anySchema = (check: z.ZodType) =>
  z.strictObject({
    kind: z.literal('any').describe('Passes when at least one check in `of` passes.'),
    of: z.array(check).min(1).describe('The alternatives.'),
  });

export const any: PredicateKind<AnyCheck> = {
  kind: 'any',
  describe: (c, ctx) => (c.of.length === 1 ? ctx.describe(c.of[0]) : 'either ' + c.of.map((sub) => ctx.describe(sub)).join(', or ')),
  evaluate(c, _state, ctx) {
    const whys: string[] = [];
    for (const sub of c.of) {
      const result = ctx.evaluate(sub);
      if (result.pass) return PASS;
      if (result.why) whys.push(result.why);
    }
    return fail(whys.length === 1 ? whys[0] : `none of the alternatives holds (${whys.join('; ')})`);
  },
};
