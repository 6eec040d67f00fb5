/** The shared "which Dockerfile instruction" selector of the dockerfile* checks. */
import { z } from 'zod';
import type { DockerfileInstruction, LessonState } from '../state.js';
import { fail, type CheckResult } from './types.js';

export const instructionMatchSchema = z.strictObject({
  instruction: z.string().min(1).describe('The keyword, e.g. `COPY` (case-insensitive).'),
  args: z.string().optional().describe('Text its arguments contain, e.g. `package.json` (case-insensitive, spaces collapsed).'),
});
export type InstructionMatch = z.infer<typeof instructionMatchSchema>;

function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function matchesInstruction(m: InstructionMatch, instruction: DockerfileInstruction): boolean {
  return instruction.keyword === m.instruction.toUpperCase() && (m.args === undefined || squash(instruction.args).includes(squash(m.args)));
}

export function describeInstruction(m: InstructionMatch): string {
  return `\`${m.instruction.toUpperCase()}${m.args ? ' ' + m.args : ''}\``;
}

/** The parsed instructions, or why there are none. */
export function instructionsOf(state: LessonState): readonly DockerfileInstruction[] | CheckResult {
  if (!state.dockerfile) return fail('the workspace has no Dockerfile');
  if (state.dockerfile.error) return fail(`the Dockerfile does not parse: ${state.dockerfile.error}`);
  return state.dockerfile.instructions;
}
