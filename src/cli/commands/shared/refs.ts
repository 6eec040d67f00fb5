/** Reference matching for `docker images <repo[:tag]>`. */

/** A matcher for repo:tag strings: `node` matches every `node:*`, `node:18` only itself. */
export function normalizeForMatch(filter: string): (repoTag: string) => boolean {
  const colon = filter.lastIndexOf(':');
  const hasTag = colon > filter.lastIndexOf('/');
  return (repoTag) => {
    if (hasTag) return repoTag === filter;
    const c = repoTag.lastIndexOf(':');
    return repoTag.slice(0, c > repoTag.lastIndexOf('/') ? c : repoTag.length) === filter;
  };
}
