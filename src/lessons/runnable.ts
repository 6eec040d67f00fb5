/**
 * Clickable commands in lesson markdown. Two forms:
 *   - a fenced block whose info string is `sh run` (or `bash run`): every
 *     non-empty line is one clickable command;
 *   - inline code starting with `$ `: `` `$ docker ps -a` `` is clickable,
 *     the `$ ` is not part of the command.
 * Plain `` `docker …` `` inline code is just text (it may hold placeholders).
 */

export interface RunnableCommand {
  readonly command: string;
  /** 1-based line in the markdown body. */
  readonly line: number;
}

const OPEN_FENCE = /^(\s*)(`{3,}|~{3,})\s*(\S*)\s*(.*)$/;

export function runnableCommands(markdown: string): RunnableCommand[] {
  const out: RunnableCommand[] = [];
  const lines = markdown.split(/\r?\n/);
  let fence: { marker: string; runnable: boolean } | undefined;
  lines.forEach((text, i) => {
    if (fence) {
      if (text.trim().startsWith(fence.marker) && text.trim().replace(/[`~]/g, '') === '') fence = undefined;
      else if (fence.runnable && text.trim() !== '') out.push({ command: text.trim(), line: i + 1 });
      return;
    }
    const open = OPEN_FENCE.exec(text);
    if (open) {
      const lang = open[3].toLowerCase();
      const meta = open[4].split(/\s+/);
      fence = { marker: open[2], runnable: (lang === 'sh' || lang === 'bash' || lang === 'shell') && meta.includes('run') };
      return;
    }
    for (const match of text.matchAll(/(`+)\$ ([^`]+?)\1/g)) out.push({ command: match[2].trim(), line: i + 1 });
  });
  return out;
}
