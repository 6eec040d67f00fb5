/**
 * Walks lesson markdown line by line, knowing which lines sit inside a code
 * fence. Clickable commands and task markers both need this: a marker or a
 * `$ cmd` inside a plain code block is an example, not the real thing.
 */

export interface FenceInfo {
  /** The info string's first word, lower-cased (`sh`, `bash`, `text`…). */
  readonly lang: string;
  /** The rest of the info string, split on spaces (`run`…). */
  readonly meta: readonly string[];
}

export type LineVisitor = (text: string, line: number, fence: FenceInfo | undefined) => void;

const OPEN_FENCE = /^(\s*)(`{3,}|~{3,})\s*(\S*)\s*(.*)$/;

/** Calls `visit` for every line that is not a fence's opening or closing line. Lines are 1-based. */
export function forEachMarkdownLine(markdown: string, visit: LineVisitor): void {
  let fence: { marker: string; info: FenceInfo } | undefined;
  markdown.split(/\r?\n/).forEach((text, i) => {
    if (fence) {
      if (text.trim().startsWith(fence.marker) && text.trim().replace(/[`~]/g, '') === '') fence = undefined;
      else visit(text, i + 1, fence.info);
      return;
    }
    const open = OPEN_FENCE.exec(text);
    if (open) {
      fence = { marker: open[2], info: { lang: open[3].toLowerCase(), meta: open[4].split(/\s+/).filter(Boolean) } };
      return;
    }
    visit(text, i + 1, undefined);
  });
}
