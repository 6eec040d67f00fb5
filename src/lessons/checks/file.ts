/** `file`: a workspace file exists (or not), optionally containing text or matching a regex. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export const fileSchema = z.strictObject({
  kind: z.literal('file').describe('Passes when the workspace file matches.'),
  path: z.string().min(1).describe('Path relative to the workspace root, e.g. `public/index.html`.'),
  exists: z.boolean().optional().describe('false: the file must be absent (default true).'),
  contains: z.string().optional().describe('Text the file must contain.'),
  matches: z.string().optional().describe('A JavaScript regular expression (multiline) the content must match.'),
});
export type FileCheck = z.infer<typeof fileSchema>;

function clean(path: string): string {
  return path.replace(/^\.\//, '').replace(/^\/+/, '');
}

export const file: PredicateKind<FileCheck> = {
  kind: 'file',
  describe(c) {
    if (c.exists === false) return `the workspace has no file ${c.path}`;
    if (c.contains !== undefined) return `${c.path} contains "${c.contains}"`;
    if (c.matches !== undefined) return `${c.path} matches /${c.matches}/`;
    return `the workspace has a file ${c.path}`;
  },
  evaluate(c, state) {
    const content = state.files[clean(c.path)];
    if (c.exists === false) return content === undefined ? PASS : fail(`${c.path} still exists`);
    if (content === undefined) return fail(`there is no file ${c.path} in the workspace`);
    if (c.contains !== undefined && !content.includes(c.contains)) return fail(`${c.path} does not contain "${c.contains}"`);
    if (c.matches !== undefined && !new RegExp(c.matches, 'm').test(content)) return fail(`${c.path} does not match /${c.matches}/`);
    return PASS;
  },
};
