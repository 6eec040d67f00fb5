/** `not`: the nested check does not hold (e.g. "no container named web is left"). */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export interface NotCheck {
  readonly kind: 'not';
  readonly check: unknown;
}

export const notSchema = (check: z.ZodType) =>
  z.strictObject({
    kind: z.literal('not').describe('Passes when `check` fails.'),
    check: check.describe('The check that must not hold.'),
  });

export const not: PredicateKind<NotCheck> = {
  kind: 'not',
  describe: (c, ctx) => `it is not the case that ${ctx.describe(c.check)}`,
  evaluate(c, _state, ctx) {
    return ctx.evaluate(c.check).pass ? fail(`expected the opposite, but ${ctx.describe(c.check)}`) : PASS;
  },
};
