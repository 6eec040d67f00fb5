import { describe, expect, it } from 'vitest';
import { FrontmatterError, splitFrontmatter } from './frontmatter.js';

describe('splitFrontmatter', () => {
  it('separates the YAML mapping from the markdown body', () => {
    const result = splitFrontmatter('---\ntitle: Hello\nversion: 2\n---\n# Body\ntext\n');
    expect(result.data).toEqual({ title: 'Hello', version: 2 });
    expect(result.body).toBe('# Body\ntext\n');
    expect(result.bodyLine).toBe(5);
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const result = splitFrontmatter('\uFEFF---\r\ntitle: x\r\n---\r\nbody');
    expect(result.data).toEqual({ title: 'x' });
    expect(result.body).toBe('body');
  });

  it('keeps later --- lines in the body (only the first closes the frontmatter)', () => {
    expect(splitFrontmatter('---\na: 1\n---\nabove\n---\nbelow').body).toBe('above\n---\nbelow');
  });

  it('rejects a file without an opening fence', () => {
    expect(() => splitFrontmatter('title: x\n')).toThrow(FrontmatterError);
    expect(() => splitFrontmatter('title: x\n')).toThrow(/must start with a `---` line/);
  });

  it('rejects a missing closing fence', () => {
    expect(() => splitFrontmatter('---\ntitle: x\n')).toThrow(/no closing `---`/);
  });

  it('reports invalid YAML with its line in content.md', () => {
    expect(() => splitFrontmatter('---\ntitle: x\ntasks: [a, b\n---\n')).toThrow(/invalid YAML at line \d+/);
  });

  it('rejects frontmatter that is not a mapping', () => {
    expect(() => splitFrontmatter('---\n- a\n- b\n---\n')).toThrow(/must be a YAML mapping/);
    expect(() => splitFrontmatter('---\n---\n')).toThrow(/must be a YAML mapping/);
  });
});
