/** `commandRan`: the student typed a command matching a pattern (optionally ending with an exit code). */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export const commandRanSchema = z.strictObject({
  kind: z.literal('commandRan').describe('Passes when a typed command line matches `pattern`.'),
  pattern: z.string().min(1).describe('A JavaScript regular expression tested against each typed line, e.g. `^docker logs -f\\b`.'),
  exitCode: z.number().int().optional().describe('The exit code that command must have ended with.'),
  succeeded: z.boolean().optional().describe('true: it must have exited 0; false: with any non-zero code (a refused or failed command).'),
  label: z.string().optional().describe('How to show the command to students, e.g. `docker logs -f <name>` (default: the pattern).'),
});
export type CommandRanCheck = z.infer<typeof commandRanSchema>;

function shown(c: CommandRanCheck): string {
  return `\`${c.label ?? c.pattern}\``;
}

export const commandRan: PredicateKind<CommandRanCheck> = {
  kind: 'commandRan',
  describe: (c) =>
    `you ran ${shown(c)}${c.exitCode !== undefined ? ` and it exited with ${c.exitCode}` : c.succeeded === true ? ' successfully' : c.succeeded === false ? ' and it failed' : ''}`,
  evaluate(c, state) {
    const re = new RegExp(c.pattern);
    const matching = state.commands.filter((cmd) => re.test(cmd.line.trim()));
    if (matching.length === 0) return fail(`you have not run ${shown(c)} yet`);
    const ok = (code: number): boolean => (c.exitCode === undefined || code === c.exitCode) && (c.succeeded === undefined || (code === 0) === c.succeeded);
    if (matching.some((cmd) => ok(cmd.exitCode))) return PASS;
    const last = matching[matching.length - 1].exitCode;
    if (c.succeeded === false && c.exitCode === undefined) return fail(`${shown(c)} succeeded; this task wants to see it fail`);
    return fail(`${shown(c)} exited with ${last}, not ${c.exitCode ?? 0}`);
  },
};
