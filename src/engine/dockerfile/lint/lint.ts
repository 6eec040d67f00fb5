import type { ParseResult } from '../parser/types.js';
import type { LintWarning } from './types.js';

/** BuildKit build checks over a parsed Dockerfile, in source order. */
export function lintDockerfile(_result: ParseResult): LintWarning[] {
  return [];
}
