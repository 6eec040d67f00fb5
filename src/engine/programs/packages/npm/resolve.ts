/**
 * Dependency resolution against the simulated registry: semver ranges are
 * reduced to release lines, and the tree is flattened the way npm hoists it
 * (first version seen wins the top-level slot; others nest under their parent).
 */
import { NPM_REGISTRY, type NpmRelease } from './registryData.js';

export interface Installed {
  /** `node_modules/express`, `node_modules/send/node_modules/ms` */
  readonly path: string;
  readonly release: NpmRelease;
}

export type ResolveResult = { readonly ok: true; readonly installed: Installed[] } | { readonly ok: false; readonly code: 'E404' | 'ETARGET'; readonly name: string; readonly range: string };

/** Picks the release a range asks for: `^4.18.2`, `~1.3`, `4.x`, `*`, `latest`, `5.1.0`. */
export function pickRelease(name: string, range: string): NpmRelease | undefined | 'no-target' {
  const releases = NPM_REGISTRY.get(name);
  if (!releases) return undefined;
  const latest = [...releases].sort((a, b) => compareVersions(b.version, a.version))[0];
  const r = range.trim();
  if (r === '' || r === '*' || r === 'latest' || r === 'x') return latest;
  const m = /^[\^~>=v]*\s*(\d+)(?:\.(\d+|x|\*))?/.exec(r);
  if (!m) return latest;
  const major = m[1];
  const minor = m[2] !== undefined && /^\d+$/.test(m[2]) ? m[2] : undefined;
  const candidates = releases.filter((rel) => rel.version.split('.')[0] === major);
  if (candidates.length === 0) return r.startsWith('>=') ? latest : 'no-target';
  if (major === '0' && minor !== undefined) {
    // `^0.x` ranges stay within the minor.
    return candidates.find((c) => c.version.split('.')[1] === minor) ?? 'no-target';
  }
  return candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function depRelease(dep: string): NpmRelease | undefined {
  const at = dep.lastIndexOf('@');
  const name = at > 0 ? dep.slice(0, at) : dep;
  const major = at > 0 ? dep.slice(at + 1) : undefined;
  const releases = NPM_REGISTRY.get(name) ?? [];
  return major === undefined ? releases[0] : releases.find((r) => r.major === major);
}

/** Resolves the direct dependencies (name → range) into a hoisted install list, sorted by path. */
export function resolveTree(direct: Readonly<Record<string, string>>): ResolveResult {
  const top = new Map<string, NpmRelease>();
  const installed: Installed[] = [];
  const queue: { release: NpmRelease; parentPath: string }[] = [];
  for (const [name, range] of Object.entries(direct)) {
    const release = pickRelease(name, range);
    if (release === undefined) return { ok: false, code: 'E404', name, range };
    if (release === 'no-target') return { ok: false, code: 'ETARGET', name, range };
    top.set(name, release);
    installed.push({ path: `node_modules/${name}`, release });
    queue.push({ release, parentPath: `node_modules/${name}` });
  }
  const nested = new Set<string>();
  while (queue.length > 0) {
    const { release, parentPath } = queue.shift()!;
    for (const dep of release.deps) {
      const child = depRelease(dep);
      if (!child) continue;
      const hoisted = top.get(child.name);
      if (!hoisted) {
        top.set(child.name, child);
        installed.push({ path: `node_modules/${child.name}`, release: child });
        queue.push({ release: child, parentPath: `node_modules/${child.name}` });
      } else if (hoisted.version !== child.version) {
        const path = `${parentPath}/node_modules/${child.name}`;
        if (nested.has(path)) continue;
        nested.add(path);
        installed.push({ path, release: child });
        queue.push({ release: child, parentPath: path });
      }
    }
  }
  installed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, installed };
}
