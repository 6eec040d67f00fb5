import { ShellLexError } from '../errors.js';

// Shell wildcard patterns of ${v%pat}, ${v#pat}, ${v/pat/repl} (`?`, `*`,
// `\` escapes; no bracket expressions), as BuildKit's lexer supports them.
export function shellPatternToRegexSource(pattern: string): string {
  const chars = Array.from(pattern);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      out += '[\\s\\S]*';
    } else if (ch === '?') {
      out += '[\\s\\S]';
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === '}' || next === '/') continue;
      i++;
      if (next !== '*' && next !== '?' && next !== '\\') {
        throw new ShellLexError(`invalid escape '\\${next ?? ''}'`);
      }
      out += '\\' + next;
    } else {
      out += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
  }
  return out;
}

function compile(pattern: string, kind: string): RegExp {
  try {
    return new RegExp('^(?:' + shellPatternToRegexSource(pattern) + ')$', 'u');
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new ShellLexError(`invalid pattern (${pattern}) in substitution: ${kind}${msg}`);
  }
}

/** `${v#pat}` (shortest) / `${v##pat}` (longest). */
export function trimPrefixPattern(pattern: string, value: string, greedy: boolean): string {
  const re = compile(pattern, '');
  const points = Array.from(value);
  const order = greedy ? range(points.length, -1) : range(0, points.length + 1);
  for (const j of order) {
    if (re.test(points.slice(0, j).join(''))) return points.slice(j).join('');
  }
  return value;
}

/** `${v%pat}` (shortest) / `${v%%pat}` (longest). */
export function trimSuffixPattern(pattern: string, value: string, greedy: boolean): string {
  const re = compile(pattern, '');
  const points = Array.from(value);
  const order = greedy ? range(0, points.length + 1) : range(points.length, -1);
  for (const i of order) {
    if (re.test(points.slice(i).join(''))) return points.slice(0, i).join('');
  }
  return value;
}

/** `${v/pat/repl}` and `${v//pat/repl}`: leftmost, longest match. */
export function replacePattern(pattern: string, value: string, replacement: string, all: boolean): string {
  const source = shellPatternToRegexSource(pattern);
  const re = new RegExp(source, all ? 'gu' : 'u');
  return value.replace(re, () => replacement);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i < to; i++) out.push(i);
  else for (let i = from; i > to; i--) out.push(i);
  return out;
}
