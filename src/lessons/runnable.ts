/**
 * Clickable commands in lesson markdown. Two forms:
 *   - a fenced block whose info string is `sh run` (or `bash run`): every
 *     non-empty line is one clickable command;
 *   - inline code starting with `$ `: `` `$ docker ps -a` `` is clickable,
 *     the `$ ` is not part of the command.
 * Plain `` `docker …` `` inline code is just text (it may hold placeholders).
 */
import { forEachMarkdownLine, type FenceInfo } from './markdownLines.js';

export interface RunnableCommand {
  readonly command: string;
  /** 1-based line in the markdown body. */
  readonly line: number;
}

export function isRunnableFence(fence: FenceInfo): boolean {
  return (fence.lang === 'sh' || fence.lang === 'bash' || fence.lang === 'shell') && fence.meta.includes('run');
}

export function runnableCommands(markdown: string): RunnableCommand[] {
  const out: RunnableCommand[] = [];
  forEachMarkdownLine(markdown, (text, line, fence) => {
    if (fence) {
      if (isRunnableFence(fence) && text.trim() !== '') out.push({ command: text.trim(), line });
      return;
    }
    for (const match of text.matchAll(/(`+)\$ ([^`]+?)\1/g)) out.push({ command: match[2].trim(), line });
  });
  return out;
}
