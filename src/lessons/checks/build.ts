/** `build`: the last `docker build` succeeded (or failed), optionally tagging a name. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { sameRef } from './refs.js';

export const buildSchema = z.strictObject({
  kind: z.literal('build').describe("Passes when the last build's outcome matches."),
  succeeded: z.boolean().default(true).describe('true: it finished and produced an image; false: it failed or was cancelled.'),
  tag: z.string().optional().describe('A tag the build was given with `-t` (tag defaults to latest).'),
});
export type BuildCheck = z.input<typeof buildSchema>;

export const build: PredicateKind<BuildCheck> = {
  kind: 'build',
  describe: (c) => `the last build ${c.succeeded === false ? 'failed or was cancelled' : 'succeeded'}${c.tag ? ` and was tagged ${c.tag}` : ''}`,
  evaluate(c, state) {
    const last = state.lastBuild;
    if (!last) return fail('nothing has been built yet');
    const wantSuccess = c.succeeded !== false;
    if (last.succeeded !== wantSuccess) return fail(last.succeeded ? 'the last build succeeded' : last.canceled ? 'the last build was cancelled' : 'the last build failed');
    if (c.tag && !last.tags.some((t) => sameRef(t, c.tag!))) return fail(last.tags.length ? `the last build was tagged ${last.tags.join(', ')}, not ${c.tag}` : `the last build had no -t ${c.tag}`);
    return PASS;
  },
};
