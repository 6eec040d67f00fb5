/** `loggedIn`: `docker login` stored credentials (optionally for a given user). */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export const loggedInSchema = z.strictObject({
  kind: z.literal('loggedIn').describe('Passes when the CLI is logged in to the (simulated) Docker Hub.'),
  user: z.string().optional().describe('The Docker ID it must be logged in as.'),
});
export type LoggedInCheck = z.infer<typeof loggedInSchema>;

export const loggedIn: PredicateKind<LoggedInCheck> = {
  kind: 'loggedIn',
  describe: (c) => (c.user ? `you are logged in to Docker Hub as ${c.user}` : 'you are logged in to Docker Hub'),
  evaluate(c, state) {
    const user = state.registry.user;
    if (user === undefined) return fail('you are not logged in (docker login)');
    return c.user === undefined || c.user === user ? PASS : fail(`you are logged in as ${user}, not ${c.user}`);
  },
};
