/**
 * What buildx prints after the progress: the failing step's log block
 * (`------` / ` > [2/5] RUN …:` / logs / `------`), the lint warning summary,
 * the Dockerfile snippet with `>>>` markers, and the final `ERROR:` line.
 */
import type { BuildFailure, BuildFailureSource } from '../../engine/index.js';

export function errorLogBlock(failure: Pick<BuildFailure, 'vertex' | 'logs' | 'canceled'>): string {
  if (failure.vertex === undefined || failure.canceled) return '';
  return `------\n > ${failure.vertex}:\n${failure.logs.map((l) => `${l}\n`).join('')}------\n`;
}

/** moby/buildkit solver/errdefs/source.go `Print`: 2 context lines around one line, 1 around several. */
export function sourceSnippet(source: BuildFailureSource): string {
  const lines = source.lines;
  let start = source.startLine;
  let end = Math.min(source.endLine, lines.length);
  if (start < 1 || start > lines.length) return '';
  const pad = end === start ? 4 : 2;
  const first = start;
  for (let p = 0; p < pad; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
  }
  let out = `${source.file}:${first}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const marker = i >= source.startLine && i <= source.endLine ? '>>>' : '   ';
    out += ` ${String(i).padStart(3)} | ${marker} ${lines[i - 1]}\n`;
  }
  return `${out}--------------------\n`;
}

export function warningSummary(warnings: readonly { rule: string; message: string; line: number }[]): string {
  if (warnings.length === 0) return '';
  const head = `${warnings.length} warning${warnings.length === 1 ? '' : 's'} found (use docker --debug to expand):\n`;
  return `\n ${head}${warnings.map((w) => ` - ${w.rule}: ${w.message} (line ${w.line})\n`).join('')}`;
}

export function finalErrorLine(solveMessage: string): string {
  return `ERROR: failed to build: failed to solve: ${solveMessage}\n`;
}
