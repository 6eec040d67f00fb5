/** Reference handling shared by image commands. */
import type { OutputStream } from '../../../os/process.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError, type Reference } from '../../../engine/index.js';
import { parseReference } from '../../engineHelpers.js';

/**
 * Parses the NAME[:TAG] argument of `docker pull`/`docker push`: a bad
 * reference is the client's own error (exit 1), and a missing tag is announced
 * as Docker does (`Using default tag: latest`) unless `-q` was given.
 */
export function referenceArgument(ref: string, out: OutputStream, quiet: boolean): Reference {
  let parsed: Reference;
  try {
    parsed = parseReference(ref);
  } catch (error) {
    if (isEngineError(error)) throw new StatusError(error.message, 1);
    throw error;
  }
  if (!quiet && parsed.tag === undefined && parsed.digest === undefined) out.write('Using default tag: latest\n');
  return parsed;
}

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
