/** `pushed`: a repository (and tag) exists on the simulated Docker Hub because it was pushed. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export const pushedSchema = z.strictObject({
  kind: z.literal('pushed').describe('Passes when the repository was pushed to the simulated Docker Hub.'),
  repo: z.string().min(1).describe('The repository path, e.g. `student/goals`.'),
  tag: z.string().optional().describe('A tag that must have been pushed (any tag when absent).'),
});
export type PushedCheck = z.infer<typeof pushedSchema>;

export const pushed: PredicateKind<PushedCheck> = {
  kind: 'pushed',
  describe: (c) => `${c.repo}${c.tag ? ':' + c.tag : ''} has been pushed to Docker Hub`,
  evaluate(c, state) {
    const repo = c.repo.replace(/^docker\.io\//, '');
    const tags = state.registry.repos[repo];
    if (!tags) return fail(`Docker Hub has no repository ${repo} yet`);
    return c.tag === undefined || tags.includes(c.tag) ? PASS : fail(`${repo} on Docker Hub has ${tags.join(', ')} but not ${c.tag}`);
  },
};
