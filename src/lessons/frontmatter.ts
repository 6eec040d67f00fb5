/**
 * Splits `content.md` into its YAML frontmatter and markdown body. Our own
 * splitter (not gray-matter) because this runs in a browser worker too.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';

export interface SplitResult {
  readonly data: unknown;
  readonly body: string;
  /** Line of the body's first line in the file, so errors can point into it. */
  readonly bodyLine: number;
}

export class FrontmatterError extends Error {
  override readonly name = 'FrontmatterError';
}

const FENCE = /^---[ \t]*$/;

export function splitFrontmatter(text: string): SplitResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) throw new FrontmatterError('content.md must start with a `---` line opening the YAML frontmatter');
  const end = lines.findIndex((line, i) => i > 0 && (FENCE.test(line) || /^\.\.\.[ \t]*$/.test(line)));
  if (end < 0) throw new FrontmatterError('the frontmatter has no closing `---` line');
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, end).join('\n'), { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      // +1 for the opening fence: report lines of content.md, not of the YAML block.
      const at = where ? ` at line ${where.line + 1}, column ${where.col}` : '';
      throw new FrontmatterError(`invalid YAML${at}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('the frontmatter must be a YAML mapping (key: value lines)');
  return { data, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
