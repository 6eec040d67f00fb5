/**
 * The build checks BuildKit prints after a build. Only the one a beginner
 * meets on every build is here; the editor's linter (src/engine/dockerfile)
 * covers the rest.
 */
import { lintDockerfile, type ParseResult } from '../../dockerfile/index.js';
import type { ImageStore } from '../../context.js';
import type { BuildPlan } from '../plan/stages.js';

export interface LintWarning {
  readonly rule: string;
  readonly message: string;
  readonly line: number;
}

/**
 * BuildKit's build checks from the Dockerfile domain's linter, with base-image
 * environments from the local store; falls back to the local check if that
 * linter cannot read the file (the build reports parse errors itself).
 */
export function buildChecks(parsed: ParseResult | undefined, plan: BuildPlan, images: ImageStore): LintWarning[] {
  if (!parsed) return lintInstructions(plan);
  try {
    const baseImageEnv = (name: string): Record<string, string> | undefined => {
      const env = images.find(name)?.config.config.Env;
      if (!env) return undefined;
      return Object.fromEntries(env.map((kv) => [kv.slice(0, Math.max(0, kv.indexOf('=')) || kv.length), kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : '']));
    };
    return lintDockerfile(parsed, { baseImageEnv }).map((w) => ({ rule: w.rule, message: w.message, line: w.line }));
  } catch {
    return lintInstructions(plan);
  }
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
