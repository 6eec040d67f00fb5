/**
 * Image references as lesson authors and students write them: `goals`,
 * `goals:latest`, `docker.io/library/node` all name the same thing.
 */

/** `node` → `node:latest`; strips the Docker Hub prefixes Docker hides. */
export function normalizeRef(ref: string): string {
  let out = ref.trim();
  if (out.includes('@')) return out;
  out = out.replace(/^docker\.io\//, '').replace(/^index\.docker\.io\//, '').replace(/^library\//, '');
  const lastSlash = out.lastIndexOf('/');
  if (!out.slice(lastSlash + 1).includes(':')) out += ':latest';
  return out;
}

export function sameRef(a: string, b: string): boolean {
  return normalizeRef(a) === normalizeRef(b);
}

/** A short or full image ID matches `sha256:<hex>` ids. */
export function matchesId(id: string, ref: string): boolean {
  const hex = id.replace(/^sha256:/, '');
  const want = ref.replace(/^sha256:/, '');
  return want.length >= 4 && /^[0-9a-f]+$/.test(want) && hex.startsWith(want);
}

/** `1 container`, `2 containers`. */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
