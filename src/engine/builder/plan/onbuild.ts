/**
 * ONBUILD triggers: a stage whose base image carries `OnBuild` runs those
 * instructions first, numbered with the stage's steps and shown as
 * `[2/4] ONBUILD COPY . /app`; the new image does not inherit them.
 */
import type { ImageRecord } from '../../context.js';
import { DockerfileSyntaxError, type Instruction } from '../source/instruction.js';
import { readDockerfile } from '../source/readDockerfile.js';
import type { BuildPlan, StagePlan } from './stages.js';

/**
 * Adds each stage's triggers: those of its base image, or the ONBUILD
 * instructions of the earlier stage it is built FROM. Like initOnBuildTriggers,
 * every trigger counts in `m` of `[n/m]`, whatever its instruction.
 */
export function withTriggers(plan: BuildPlan, bases: ReadonlyMap<number, { readonly record?: ImageRecord }>): BuildPlan {
  let changed = false;
  const stages = plan.stages.map((stage): StagePlan => {
    const triggers = triggersOf(plan, stage, bases);
    if (triggers.length === 0) return stage;
    changed = true;
    const instructions = triggers.flatMap((text) => triggerInstructions(text, stage));
    return { ...stage, instructions: [...instructions, ...stage.instructions], total: stage.total + instructions.length, fromTotal: stage.total };
  });
  return changed ? { ...plan, stages } : plan;
}

function triggersOf(plan: BuildPlan, stage: StagePlan, bases: ReadonlyMap<number, { readonly record?: ImageRecord }>): readonly string[] {
  if (stage.base.kind === 'stage') {
    return plan.stages[stage.base.index].instructions.filter((i) => i.keyword === 'ONBUILD' && !i.onbuild).map((i) => i.rest);
  }
  return bases.get(stage.index)?.record?.config.config.OnBuild ?? [];
}

function triggerInstructions(text: string, stage: StagePlan): Instruction[] {
  let parsed: Instruction[];
  try {
    parsed = readDockerfile(text);
  } catch (err) {
    throw new DockerfileSyntaxError(err instanceof Error ? err.message : String(err), stage.from.startLine, stage.from.endLine);
  }
  // Errors point at the FROM line that pulled the trigger in.
  return parsed.map((ins) => ({ ...ins, display: `ONBUILD ${ins.display}`, startLine: stage.from.startLine, endLine: stage.from.endLine, onbuild: true }));
}
