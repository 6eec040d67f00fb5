/** `buildStep`: in the last build, a step (by number or by text) came from the cache, or ran. */
import { z } from 'zod';
import type { BuildStepFact } from '../state.js';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';

export const buildStepSchema = z.strictObject({
  kind: z.literal('buildStep').describe('Passes when the chosen step of the last build was (or was not) CACHED.'),
  step: z.number().int().min(1).optional().describe('The step number in the final stage, as in `[3/5]`.'),
  match: z.string().optional().describe('Text the step\'s instruction contains, e.g. `npm install` (case-insensitive).'),
  cached: z.boolean().describe('true: the step shows CACHED; false: it ran.'),
});
export type BuildStepCheck = z.infer<typeof buildStepSchema>;

function label(c: BuildStepCheck): string {
  return c.match ? `the \`${c.match}\` step` : `step ${c.step ?? '?'}`;
}

function pick(c: BuildStepCheck, steps: readonly BuildStepFact[]): BuildStepFact | undefined {
  // The final stage is what the image is made of; earlier stages can repeat instruction text.
  const finalStage = steps.length ? steps[steps.length - 1].stage : '';
  const inFinal = steps.filter((s) => s.stage === finalStage);
  if (c.match) {
    const needle = c.match.toLowerCase();
    return [...inFinal, ...steps].find((s) => s.instruction.toLowerCase().includes(needle) && (c.step === undefined || s.index === c.step));
  }
  return inFinal.find((s) => s.index === c.step);
}

export const buildStep: PredicateKind<BuildStepCheck> = {
  kind: 'buildStep',
  describe: (c) => `the last build ${c.cached ? 'used the cache for' : 'ran'} ${label(c)}`,
  evaluate(c, state) {
    const last = state.lastBuild;
    if (!last) return fail('nothing has been built yet');
    const step = pick(c, last.steps);
    if (!step) return fail(c.match ? `the last build has no step containing "${c.match}"` : `the last build has no step ${c.step ?? '?'}`);
    if (step.cached === c.cached) return PASS;
    return fail(c.cached ? `${label(c)} ran again instead of coming from the cache` : `${label(c)} came from the cache (CACHED)`);
  },
};
