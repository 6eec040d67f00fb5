/**
 * A lesson folder as a file map: `content.md`, `_files/…`, `_solution/…`.
 * Reading folders is the host's job; this only interprets the map.
 */
import { splitFrontmatter } from './frontmatter.js';
import { LessonFrontmatterSchema, type LessonFrontmatter } from './schema.js';
import { taskMarkerErrors } from './taskMarkers.js';

export interface Lesson {
  /** The folder path relative to the lessons root, e.g. `01-containers-vs-images` or `part-1/03-build`. */
  readonly id: string;
  readonly meta: LessonFrontmatter;
  /** The markdown after the frontmatter. */
  readonly body: string;
  /** The starting workspace: path (relative) → content. */
  readonly files: Readonly<Record<string, string>>;
  /** Files the solution writes over the workspace. */
  readonly solutionFiles: Readonly<Record<string, string>>;
}

export type LoadResult = { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly error: string };

/** Picks the entries under `prefix/` and strips it. */
function under(tree: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, content] of Object.entries(tree)) if (path.startsWith(prefix + '/')) out[path.slice(prefix.length + 1)] = content;
  return out;
}

/** `tree` holds one lesson folder's files by relative path. */
export function loadLesson(id: string, tree: Readonly<Record<string, string>>): LoadResult {
  const content = tree['content.md'];
  if (content === undefined) return { ok: false, error: 'no content.md' };
  let split;
  try {
    split = splitFrontmatter(content);
  } catch (error) {
    return { ok: false, error: `frontmatter: ${(error as Error).message}` };
  }
  const parsed = LessonFrontmatterSchema.safeParse(split.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') + ': ' : '';
    const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : '';
    return { ok: false, error: `frontmatter: ${where}${issue.message}${more}` };
  }
  const markers = taskMarkerErrors(split.body, parsed.data.tasks.map((t) => t.id), split.bodyLine);
  if (markers.length > 0) return { ok: false, error: `content.md ${markers[0]}${markers.length > 1 ? ` (+${markers.length - 1} more)` : ''}` };
  return { ok: true, lesson: { id, meta: parsed.data, body: split.body, files: under(tree, '_files'), solutionFiles: under(tree, '_solution') } };
}

/**
 * Groups a whole lessons tree (paths relative to the lessons root) into
 * lesson folders: every folder holding a `content.md`, in path order, so
 * numeric prefixes order lessons and parts.
 */
export function lessonFolders(tree: Readonly<Record<string, string>>): { readonly id: string; readonly files: Record<string, string> }[] {
  const ids = Object.keys(tree)
    .filter((path) => path === 'content.md' || path.endsWith('/content.md'))
    .map((path) => path.slice(0, -'content.md'.length).replace(/\/$/, ''))
    .filter((id) => !id.split('/').some((part) => part.startsWith('_')))
    .sort();
  return ids.map((id) => ({ id: id || '.', files: id ? under(tree, id) : { ...tree } }));
}
