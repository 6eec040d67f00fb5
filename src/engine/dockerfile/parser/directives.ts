import { trimLeftSpace } from './chars.js';
import type { Directive } from './types.js';

// Go regexp: `\s` is ASCII-only.
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;
const KNOWN = new Set(['syntax', 'escape', 'check']);

/**
 * Parser directives (`# escape=\``, `# syntax=…`, `# check=…`) are honoured
 * only in the file's leading block; the first line that is not a known
 * directive ends the block for good.
 */
export class DirectiveParser {
  private line = 0;
  private done = false;
  private readonly seen = new Set<string>();

  /** Returns the directive on this line, or undefined; throws on a repeated one. */
  parseLine(text: string): Directive | undefined {
    this.line++;
    if (this.done) return undefined;
    if (!text.startsWith('#')) {
      this.done = true;
      return undefined;
    }
    const m = DIRECTIVE.exec(trimLeftSpace(text.slice(1)));
    const key = m?.[1].toLowerCase();
    if (!m || key === undefined || !KNOWN.has(key)) {
      this.done = true;
      return undefined;
    }
    if (this.seen.has(key)) throw new Error(`only one ${key} parser directive can be used`);
    this.seen.add(key);
    return { name: key as Directive['name'], value: m[2], line: this.line };
  }
}

export function validateEscapeToken(value: string): string {
  if (value !== '`' && value !== '\\') {
    throw new Error(`invalid escape token '${value}' does not match \` or \\`);
  }
  return value;
}
