/**
 * Task markers: a line holding only `[task: some-id]` shows that task's live
 * row (tick, what is checked, hints) at that point of the lesson text. The
 * syntax reads sensibly where it is not understood (GitHub, an editor's
 * preview): it stays a visible bracketed note. The UI's markdown renderer
 * recognises the same line (src/ui/lessons/markdown/render.ts); keep the two
 * in step.
 */
import { forEachMarkdownLine } from './markdownLines.js';

/**
 * The whole line (up to 3 spaces of indent, as markdown allows before a
 * block); the id follows the task id rule of the schema.
 */
export const TASK_MARKER = /^ {0,3}\[task:\s*([a-z0-9][a-z0-9-]*)\s*\]\s*$/;

export interface TaskMarker {
  readonly id: string;
  /** 1-based line in the markdown body. */
  readonly line: number;
}

/** Markers outside code fences (a fenced one is an example for authors, not a marker). */
export function taskMarkers(markdown: string): TaskMarker[] {
  const out: TaskMarker[] = [];
  forEachMarkdownLine(markdown, (text, line, fence) => {
    const match = fence ? null : TASK_MARKER.exec(text);
    if (match) out.push({ id: match[1], line });
  });
  return out;
}

/**
 * Problems with a lesson's markers: unknown task ids and tasks marked twice.
 * Empty when fine. `bodyLine` is the file line of the body's first line, so
 * messages point into content.md.
 */
export function taskMarkerErrors(markdown: string, taskIds: readonly string[], bodyLine = 1): string[] {
  const known = new Set(taskIds);
  const seen = new Map<string, number>();
  const errors: string[] = [];
  for (const { id, line: bodyIndex } of taskMarkers(markdown)) {
    const marker = { id, line: bodyIndex + bodyLine - 1 };
    const first = seen.get(marker.id);
    if (!known.has(marker.id)) errors.push(`line ${marker.line}: [task: ${marker.id}] names no task of this lesson (tasks: ${taskIds.join(', ')})`);
    else if (first !== undefined) errors.push(`line ${marker.line}: [task: ${marker.id}] is already marked on line ${first}`);
    seen.set(marker.id, first ?? marker.line);
  }
  return errors;
}
