/**
 * The build checks BuildKit prints after a build. Only the one a beginner
 * meets on every build is here; the editor's linter (src/engine/dockerfile)
 * covers the rest.
 */
import type { BuildPlan } from '../plan/stages.js';

export interface LintWarning {
  readonly rule: string;
  readonly message: string;
  readonly line: number;
}

export function lintInstructions(plan: BuildPlan): LintWarning[] {
  const out: LintWarning[] = [];
  for (const stage of plan.stages) {
    for (const ins of stage.instructions) {
      if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && !ins.json) {
        out.push({
          rule: 'JSONArgsRecommended',
          message: `JSON arguments recommended for ${ins.keyword} to prevent unintended behavior related to OS signals`,
          line: ins.startLine,
        });
      }
    }
  }
  return out;
}
