/**
 * `.dockerignore` matching as moby/patternmatcher does it: Go filepath.Match
 * syntax plus `**`, `!` exceptions, and the last matching pattern wins. A
 * pattern also excludes everything below a directory it matches.
 */

interface Pattern {
  readonly regex: RegExp;
  readonly exclusion: boolean;
}

export class IgnoreMatcher {
  private readonly patterns: Pattern[];

  constructor(text: string) {
    this.patterns = parseIgnoreFile(text);
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether any `!` exception exists (then an excluded directory may still hold included files). */
  get hasExceptions(): boolean {
    return this.patterns.some((p) => p.exclusion);
  }

  /** `rel` is context-relative with `/` separators, no leading slash. */
  excludes(rel: string): boolean {
    let matched = false;
    const parents = parentPaths(rel);
    for (const pattern of this.patterns) {
      if (pattern.exclusion === matched) {
        // Only a pattern that could flip the current answer needs evaluating.
        if (pattern.regex.test(rel) || parents.some((p) => pattern.regex.test(p))) matched = !pattern.exclusion;
      }
    }
    return matched;
  }
}

function parentPaths(rel: string): string[] {
  const parts = rel.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

export function parseIgnoreFile(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let exclusion = false;
    if (line.startsWith('!')) {
      exclusion = true;
      line = line.slice(1).trim();
    }
    const cleaned = cleanPath(line);
    if (cleaned === '' || cleaned === '.') continue;
    out.push({ regex: patternToRegex(cleaned), exclusion });
  }
  return out;
}

/** filepath.Clean, with leading and trailing slashes dropped (the context root is implicit). */
function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export function patternToRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
      if (body.startsWith('^') || body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += escapeRegex(pattern[++i]);
    } else re += escapeRegex(ch);
  }
  return new RegExp(re + '$');
}

function escapeRegex(ch: string): string {
  return /[.+()|{}$^\]\\]/.test(ch) ? `\\${ch}` : ch;
}

/** Go filepath.Match for COPY source globs: `*` and `?` never cross `/`, no `**`. */
export function globToRegex(glob: string): RegExp {
  return patternToRegex(glob.replace(/\*\*+/g, '*'));
}

export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}
