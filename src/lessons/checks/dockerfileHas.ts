/** `dockerfileHas`: the parsed Dockerfile has an instruction (with arguments), optionally as its last one. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { describeInstruction, instructionMatchSchema, instructionsOf, matchesInstruction } from './instructionMatch.js';

export const dockerfileHasSchema = instructionMatchSchema.extend({
  kind: z.literal('dockerfileHas').describe('Passes when the Dockerfile has a matching instruction.'),
  last: z.boolean().optional().describe('true: it must be the final instruction.'),
});
export type DockerfileHasCheck = z.infer<typeof dockerfileHasSchema>;

export const dockerfileHas: PredicateKind<DockerfileHasCheck> = {
  kind: 'dockerfileHas',
  describe: (c) => `the Dockerfile has ${describeInstruction(c)}${c.last ? ' as its last instruction' : ''}`,
  evaluate(c, state) {
    const instructions = instructionsOf(state);
    if (!Array.isArray(instructions)) return instructions as ReturnType<PredicateKind<DockerfileHasCheck>['evaluate']>;
    const list = c.last ? instructions.slice(-1) : instructions;
    if (list.some((i) => matchesInstruction(c, i))) return PASS;
    return fail(c.last ? `the Dockerfile does not end with ${describeInstruction(c)}` : `the Dockerfile has no ${describeInstruction(c)}`);
  },
};
