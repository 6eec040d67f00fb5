/**
 * ONBUILD triggers: a stage whose base image carries `OnBuild` runs those
 * instructions first, numbered with the stage's steps and shown as
 * `[2/4] ONBUILD COPY . /app`; the new image does not inherit them.
 */
import type { ImageRecord } from '../../context.js';
import { DockerfileSyntaxError, type Instruction } from '../source/instruction.js';
import { readDockerfile } from '../source/readDockerfile.js';
import type { BuildPlan, StagePlan } from './stages.js';

const STEP_KEYWORDS = new Set(['ADD', 'COPY', 'RUN', 'WORKDIR']);

export function withTriggers(plan: BuildPlan, bases: ReadonlyMap<number, { readonly record?: ImageRecord }>): BuildPlan {
  let changed = false;
  const stages = plan.stages.map((stage): StagePlan => {
    const triggers = bases.get(stage.index)?.record?.config.config.OnBuild ?? [];
    if (triggers.length === 0) return stage;
    changed = true;
    const instructions = triggers.flatMap((text) => triggerInstructions(text, stage));
    return {
      ...stage,
      instructions: [...instructions, ...stage.instructions],
      total: stage.total + instructions.filter((i) => STEP_KEYWORDS.has(i.keyword)).length,
    };
  });
  return changed ? { ...plan, stages } : plan;
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
