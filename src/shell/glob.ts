/**
 * Pattern matching: filename globbing against the Vfs and the same patterns
 * for `case` and `${var#pattern}`. Patterns carry quoting as backslash escapes,
 * so a quoted `*` reaches here as `\*` and matches only itself.
 */
import type { Vfs } from '../os/vfs.js';

/** Whether the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobMeta(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && classEnd(pattern, i) > 0) return true;
  }
  return false;
}

/** Escapes glob metacharacters so the text matches literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** Removes backslash escapes (a pattern that matched nothing stays as typed, minus quoting). */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Index of the `]` closing a bracket expression opened at `start`, or -1. */
function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    } else if (p[i] === ']') return i;
  }
  return -1;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** Translates a shell pattern into a regular-expression body (no anchors). */
export function patternToRegexSource(pattern: string, pathname: boolean): string {
  let out = '';
  const any = pathname ? '[^/]' : '[\\s\\S]';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      out += pattern[++i].replace(REGEX_SPECIAL, '\\$&');
    } else if (c === '*') {
      out += `${any}*`;
    } else if (c === '?') {
      out += any;
    } else if (c === '[' && classEnd(pattern, i) > 0) {
      const end = classEnd(pattern, i);
      let body = pattern.slice(i + 1, end);
      let negate = false;
      if (body[0] === '!' || body[0] === '^') {
        negate = true;
        body = body.slice(1);
      }
      const cls = classBody(body);
      out += `[${negate ? '^' : ''}${cls}]`;
      i = end;
    } else {
      out += c.replace(REGEX_SPECIAL, '\\$&');
    }
  }
  return out;
}

function classBody(body: string): string {
  let cls = '';
  for (let j = 0; j < body.length; j++) {
    const named = /^\[:([a-z]+):\]/.exec(body.slice(j));
    if (named && named[1] in POSIX_CLASSES) {
      cls += POSIX_CLASSES[named[1]];
      j += named[0].length - 1;
      continue;
    }
    let ch = body[j];
    if (ch === '\\' && j + 1 < body.length) ch = body[++j];
    cls += ch === '-' && j > 0 && j < body.length - 1 ? '-' : ch.replace(/[\]\\^-]/g, '\\$&');
  }
  return cls;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

/** Whole-string match of a `case`-style pattern (`*` matches `/` too). */
export function matchPattern(pattern: string, text: string): boolean {
  return new RegExp(`^${patternToRegexSource(pattern, false)}$`).test(text);
}

/**
 * Expands a filename pattern relative to `cwd`. Returns sorted matches, or an
 * empty list when nothing matches (the caller then keeps the word as typed).
 * Names starting with `.` match only a pattern component starting with `.`.
 */
export function globPaths(pattern: string, cwd: string, fs: Vfs): string[] {
  const absolute = pattern.startsWith('/');
  const comps = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  if (absolute) comps.shift();
  let candidates: string[] = [absolute ? '/' : ''];
  for (const [index, comp] of comps.entries()) {
    const last = index === comps.length - 1;
    const next: string[] = [];
    for (const prefix of candidates) {
      const dirPath = toAbsolute(prefix === '' ? '.' : prefix, cwd);
      if (!hasGlobMeta(comp)) {
        const candidate = joinPrefix(prefix, unescapeGlob(comp));
        if (last ? fs.lstat(toAbsolute(candidate, cwd)) : fs.stat(toAbsolute(candidate, cwd))?.kind === 'dir') next.push(candidate);
        continue;
      }
      const st = fs.stat(dirPath);
      if (!st || st.kind !== 'dir') continue;
      const re = new RegExp(`^${patternToRegexSource(comp, true)}$`);
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      for (const name of fs.readdir(dirPath)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const candidate = joinPrefix(prefix, name);
        if (!last && fs.stat(toAbsolute(candidate, cwd))?.kind !== 'dir') continue;
        next.push(candidate);
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  if (pattern.endsWith('/')) candidates = candidates.filter((c) => fs.stat(toAbsolute(c, cwd))?.kind === 'dir').map((c) => c + '/');
  return candidates.sort();
}

function joinPrefix(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`;
}

function toAbsolute(p: string, cwd: string): string {
  if (p.startsWith('/')) return p;
  return cwd === '/' ? `/${p}` : `${cwd}/${p}`;
}
