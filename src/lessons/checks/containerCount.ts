/** `containerCount`: how many containers (optionally in a state, from an image) exist. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { CONTAINER_STATES, imageMatches } from './container.js';
import { count } from './refs.js';

export const containerCountSchema = z.strictObject({
  kind: z.literal('containerCount').describe('Passes when the number of matching containers is within [min, max].'),
  state: z.enum(CONTAINER_STATES).optional().describe('Only count containers in this state (`stopped`: created or exited).'),
  image: z.string().optional().describe('Only count containers from this image.'),
  min: z.number().int().min(0).optional().describe('At least this many.'),
  max: z.number().int().min(0).optional().describe('At most this many.'),
});
export type ContainerCountCheck = z.infer<typeof containerCountSchema>;

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return max === 0 ? 'no' : `at most ${max ?? 0}`;
}

/** With neither bound given, the check means "at least one". */
function withDefault(c: ContainerCountCheck): ContainerCountCheck {
  return c.min === undefined && c.max === undefined ? { ...c, min: 1 } : c;
}

export const containerCount: PredicateKind<ContainerCountCheck> = {
  kind: 'containerCount',
  describe: (raw) => {
    const c = withDefault(raw);
    return `${range(c.min, c.max)} ${c.state === 'stopped' ? 'stopped ' : c.state ? c.state + ' ' : ''}container(s)${c.image ? ` from ${c.image}` : ''} exist`;
  },
  evaluate(raw, state) {
    const c = withDefault(raw);
    const n = state.containers.filter(
      (x) => (c.state === undefined || (c.state === 'stopped' ? x.state === 'exited' || x.state === 'created' : x.state === c.state)) && (c.image === undefined || imageMatches(x, c.image)),
    ).length;
    if ((c.min !== undefined && n < c.min) || (c.max !== undefined && n > c.max)) return fail(`there ${n === 1 ? 'is' : 'are'} ${count(n, 'matching container')}`);
    return PASS;
  },
};
