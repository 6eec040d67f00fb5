/**
 * POSIX path arithmetic on strings. Pure: it never looks at a file system, so
 * `..` is resolved lexically (as `path.posix` does), which is what the shell's
 * `cd` and the builder's COPY destinations expect.
 */

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** Collapses `//`, `.` and `..`; keeps a trailing-slash-free form. `''` becomes `.`. */
export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = isAbsolute(p);
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  if (absolute) return '/' + body;
  return body === '' ? '.' : body;
}

/** Joins segments and normalizes the result. */
export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((s) => s !== '');
  return nonEmpty.length === 0 ? '.' : normalize(nonEmpty.join('/'));
}

/** An absolute, normalized path for `p` seen from `cwd` (which must be absolute). */
export function resolvePath(cwd: string, p: string): string {
  return normalize(isAbsolute(p) ? p : `${cwd}/${p}`);
}

export function dirname(p: string): string {
  if (p === '') return '.';
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const trimmed = p.slice(0, end);
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  let j = i;
  while (j > 1 && trimmed[j - 1] === '/') j--;
  return trimmed.slice(0, j);
}

/** The last segment; with `ext`, strips that suffix unless it is the whole name (coreutils behaviour). */
export function basename(p: string, ext?: string): string {
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const trimmed = p.slice(0, end);
  if (trimmed === '/') return '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (ext && base.endsWith(ext) && base !== ext) return base.slice(0, base.length - ext.length);
  return base;
}

/** The relative path from absolute `from` to absolute `to`. */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/');
}
