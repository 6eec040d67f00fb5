/** `all`: every nested check holds. */
import { z } from 'zod';
import type { CheckContext, PredicateKind } from './types.js';
import { PASS } from './types.js';

export interface AllCheck {
  readonly kind: 'all';
  readonly of: readonly unknown[];
}

export const allSchema = (check: z.ZodType) =>
  z.strictObject({
    kind: z.literal('all').describe('Passes when every check in `of` passes.'),
    of: z.array(check).min(1).describe('The checks that must all pass.'),
  });

export const all: PredicateKind<AllCheck> = {
  kind: 'all',
  describe: (c, ctx: CheckContext) => c.of.map((sub) => ctx.describe(sub)).join('; and '),
  evaluate(c, _state, ctx) {
    for (const sub of c.of) {
      const result = ctx.evaluate(sub);
      if (!result.pass) return result;
    }
    return PASS;
  },
};
