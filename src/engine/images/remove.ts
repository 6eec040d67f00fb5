/**
 * `docker rmi` and `docker image prune`, following moby's classic-store
 * ImageDelete (daemon/images/image_delete.go): untag first, delete the image
 * when no reference is left, and report the freed layer stacks as
 * `Deleted: <chainID>` lines after the image's own `Deleted:` line.
 */
import type { DeleteRecord, PruneResult } from '../api.js';
import type { ContainerStore, EventBus } from '../context.js';
import type { Clock } from '../../os/clock.js';
import { EngineError } from '../errors/EngineError.js';
import { familiarName, familiarString, fullImageId, idPrefix, parseReference, withDefaultTag } from '../reference/reference.js';
import { shortId, type ImageTable, type MutableImage } from './ImageTable.js';

export interface RemoveDeps {
  readonly table: ImageTable;
  readonly containers: ContainerStore;
  readonly events: EventBus;
  readonly clock: Clock;
}

interface Conflict {
  readonly hard: boolean;
  readonly used: boolean;
  readonly message: string;
}

function conflictError(image: MutableImage, c: Conflict): EngineError {
  return new EngineError(`conflict: unable to delete ${shortId(image.id)} (${c.hard ? 'cannot' : 'must'} be forced) - ${c.message}`, 'conflict');
}

function refsOf(image: MutableImage): string[] {
  return [...image.tags, ...image.digests];
}

const repoOf = (ref: string): string => (ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref.slice(0, ref.lastIndexOf(':')));

/** moby's isSingleReference: at most one tag, and every reference in that tag's repository. */
function isSingleReference(refs: readonly string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((r) => !r.includes('@'));
  if (tags.length > 1) return false;
  const canonicalRepos = new Set(refs.filter((r) => r.includes('@')).map(repoOf));
  return canonicalRepos.size === 1 && canonicalRepos.has(repoOf(tags[0] ?? refs[0]));
}

function checkConflict(deps: RemoveDeps, image: MutableImage, soft: boolean, activeReference: boolean): Conflict | undefined {
  const users = deps.containers.usersOf(image.id);
  const running = users.find((u) => u.running);
  if (running) return { hard: true, used: true, message: `image is being used by running container ${shortId(running.id)}` };
  if (soft && activeReference && refsOf(image).length > 0) return { hard: false, used: false, message: 'image is referenced in multiple repositories' };
  const stopped = users.find((u) => !u.running);
  if (soft && stopped) return { hard: false, used: true, message: `image is being used by stopped container ${shortId(stopped.id)}` };
  return undefined;
}

function untag(deps: RemoveDeps, image: MutableImage, ref: string, records: DeleteRecord[]): void {
  deps.table.removeRef(ref);
  deps.events.emit({ type: 'image', action: 'untag', id: image.id, ref, time: deps.clock.now() });
  records.push({ untagged: ref });
}

/** imageDeleteHelper: conflicts, remaining references, the image, then its freed layers. */
function deleteHelper(deps: RemoveDeps, image: MutableImage, force: boolean, quiet: boolean, records: DeleteRecord[]): void {
  const conflict = checkConflict(deps, image, !force, true);
  if (conflict) {
    const dangling = image.tags.length === 0;
    if (quiet && (!dangling || conflict.used)) return;
    throw conflictError(image, conflict);
  }
  for (const ref of refsOf(image)) untag(deps, image, ref, records);
  const freed = deps.table.delete(image, deps.containers.userCount(image.id) > 0);
  deps.events.emit({ type: 'image', action: 'delete', id: image.id, time: deps.clock.now() });
  records.push({ deleted: image.id });
  for (const chain of freed) records.push({ deleted: chain });
}

function isIdReference(image: MutableImage, ref: string): boolean {
  if (fullImageId(ref) === image.id) return true;
  const prefix = idPrefix(ref);
  return prefix !== undefined && image.id.startsWith(`sha256:${prefix}`) && !image.tags.includes(safeTagged(ref) ?? '');
}

function safeTagged(ref: string): string | undefined {
  try {
    return familiarString(withDefaultTag(parseReference(ref)));
  } catch {
    return undefined;
  }
}

export function removeImage(deps: RemoveDeps, ref: string, force: boolean): DeleteRecord[] {
  const image = deps.table.get(ref);
  const records: DeleteRecord[] = [];
  let quiet = false;
  if (!isIdReference(image, ref)) {
    const parsed = withDefaultTag(parseReference(ref));
    const named = familiarString(parsed);
    if (!force && isSingleReference(refsOf(image))) {
      const user = deps.containers.usersOf(image.id)[0];
      if (user) {
        throw new EngineError(`conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`, 'conflict');
      }
    }
    untag(deps, image, named, records);
    // Dropping a repository's last tag also drops its digest references.
    if (parsed.digest === undefined) {
      const repo = familiarName(parsed);
      if (!image.tags.some((t) => repoOf(t) === repo)) {
        for (const d of image.digests.filter((x) => repoOf(x) === repo)) untag(deps, image, d, records);
      }
    }
    if (refsOf(image).length > 0) return records;
    quiet = true;
  } else if (isSingleReference(refsOf(image))) {
    const conflict = checkConflict(deps, image, !force, false);
    if (conflict) throw conflictError(image, conflict);
    for (const r of refsOf(image)) untag(deps, image, r, records);
  }
  deleteHelper(deps, image, force, quiet, records);
  return records;
}

/** Dangling images, or (`all`) every image no container uses. Conflicts are skipped silently. */
export function pruneImages(deps: RemoveDeps, all: boolean): PruneResult {
  const before = new Map([...deps.table.layers.entries()].map(([diffId, slot]) => [diffId, slot.layer.size]));
  const records: DeleteRecord[] = [];
  for (const image of [...deps.table.images.values()]) {
    // Images any container uses (even a stopped one) are never pruned.
    if (deps.containers.userCount(image.id) > 0) continue;
    const refs = refsOf(image);
    try {
      if (refs.length > 0) {
        const shouldDelete = all || image.tags.length === 0;
        if (!shouldDelete) continue;
        for (const r of refs) {
          if (!deps.table.images.has(image.id)) break;
          records.push(...removeImage(deps, r, false));
        }
      } else {
        records.push(...removeImage(deps, image.id, false));
      }
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
    }
  }
  let spaceReclaimed = 0;
  for (const [diffId, size] of before) if (!deps.table.layers.has(diffId)) spaceReclaimed += size;
  return { records, spaceReclaimed };
}
