/** Lexical helpers for the absolute, normalised paths the overlay indexes by. */

/** Splits an absolute path into components, resolving `.` and `..` lexically. */
export function components(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

export function normalizeAbs(path: string): string {
  return '/' + components(path).join('/');
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function childPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Proper ancestors, nearest first, excluding `/`. */
export function* ancestors(path: string): Generator<string> {
  let p = parentOf(path);
  while (p !== '/') {
    yield p;
    p = parentOf(p);
  }
}
