/** `dockerfileOrder`: one instruction comes before another, e.g. COPY package.json before RUN npm install. */
import { z } from 'zod';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { describeInstruction, instructionMatchSchema, instructionsOf, matchesInstruction } from './instructionMatch.js';

export const dockerfileOrderSchema = z.strictObject({
  kind: z.literal('dockerfileOrder').describe('Passes when the first `before` instruction precedes the first `after` instruction.'),
  before: instructionMatchSchema.describe('The instruction that must come first.'),
  after: instructionMatchSchema.describe('The instruction that must come later.'),
});
export type DockerfileOrderCheck = z.infer<typeof dockerfileOrderSchema>;

export const dockerfileOrder: PredicateKind<DockerfileOrderCheck> = {
  kind: 'dockerfileOrder',
  describe: (c) => `the Dockerfile has ${describeInstruction(c.before)} before ${describeInstruction(c.after)}`,
  evaluate(c, state) {
    const instructions = instructionsOf(state);
    if (!Array.isArray(instructions)) return instructions as ReturnType<PredicateKind<DockerfileOrderCheck>['evaluate']>;
    const first = instructions.findIndex((i) => matchesInstruction(c.before, i));
    const second = instructions.findIndex((i) => matchesInstruction(c.after, i));
    if (first < 0) return fail(`the Dockerfile has no ${describeInstruction(c.before)}`);
    if (second < 0) return fail(`the Dockerfile has no ${describeInstruction(c.after)}`);
    return first < second ? PASS : fail(`${describeInstruction(c.after)} comes before ${describeInstruction(c.before)}`);
  },
};
