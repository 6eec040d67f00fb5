/**
 * Base images: normalising FROM references, finding them locally and pulling
 * them through the images domain when missing (or with --pull). The builder
 * only gets the ImageStore in its context; at runtime that object is the
 * ImageService, which also has `pull`, so it is narrowed with a runtime check.
 */
import type { ImagesApi, ProgressEvent } from '../../api.js';
import type { ImageRecord } from '../../context.js';
import { isEngineError } from '../../errors/EngineError.js';
import { canonicalString, DEFAULT_DOMAIN, familiarString, parseReference, withDefaultTag } from '../../reference/reference.js';
import { catalogueImage } from '../../registry/catalogue/index.js';
import type { RunEnv } from './runEnv.js';
import type { Vertex } from './progress.js';

export interface ResolvedRef {
  /** `docker.io/library/node:latest` */
  readonly canonical: string;
  /** `node:latest` */
  readonly familiar: string;
  /** The hub's manifest digest when the official-image catalogue knows the tag. */
  readonly hubDigest?: string;
}

/** Throws the reference parser's EngineError for an invalid name. */
export function normalizeRef(ref: string): ResolvedRef {
  const parsed = withDefaultTag(parseReference(ref));
  const hub = parsed.domain === DEFAULT_DOMAIN && parsed.tag ? catalogueImage(parsed.path, parsed.tag) : undefined;
  return { canonical: canonicalString(parsed), familiar: familiarString(parsed), hubDigest: hub?.digest };
}

/**
 * Pulls inside the FROM vertex, as BuildKit downloads there: one line per
 * layer with its bytes, then `extracting sha256:…`, updated as they move.
 */
export async function pullInto(env: RunEnv, ref: ResolvedRef, vertex: Vertex): Promise<ImageRecord | { error: string }> {
  const pull = pullerOf(env.ctx.images);
  if (!pull) return { error: `failed to resolve source metadata for ${ref.canonical}: ${ref.canonical}: not found` };
  const downloads = new Map<string, ReturnType<Vertex['track']>>();
  const extracts = new Map<string, ReturnType<Vertex['track']>>();
  const totals = new Map<string, number>();
  const onProgress = (e: ProgressEvent): void => {
    if (!e.id) return;
    const name = `sha256:${e.id}`;
    if (e.status === 'Downloading' && e.progress) {
      totals.set(e.id, e.progress.total);
      if (!downloads.has(e.id)) downloads.set(e.id, vertex.track(name));
      downloads.get(e.id)!.update(e.progress.current, e.progress.total);
    } else if (e.status === 'Download complete') {
      const total = totals.get(e.id);
      downloads.get(e.id)?.done(total, total);
    } else if (e.status === 'Extracting') {
      if (!extracts.has(e.id)) extracts.set(e.id, vertex.track(`extracting ${name}`));
    } else if (e.status === 'Pull complete') {
      (extracts.get(e.id) ?? vertex.track(`extracting ${name}`)).done();
    }
  };
  try {
    await pull(ref.familiar, onProgress, env.cancel);
  } catch (err) {
    if (env.cancel.cancelled) return { error: 'canceled' };
    if (!isEngineError(err)) throw err;
    return { error: `failed to resolve source metadata for ${ref.canonical}: ${buildkitPullMessage(ref, err.message)}` };
  }
  return env.ctx.images.find(ref.familiar) ?? { error: `failed to resolve source metadata for ${ref.canonical}: ${ref.canonical}: not found` };
}

export interface PulledLayer {
  readonly id: string;
  readonly size: number;
}

function pullerOf(images: unknown): ImagesApi['pull'] | undefined {
  const candidate = images as Partial<ImagesApi>;
  return typeof candidate.pull === 'function' ? candidate.pull.bind(images) : undefined;
}

/**
 * Finds the base locally, or pulls it. Returns the record and the layers that
 * were downloaded (for the FROM vertex's progress lines), or an error message
 * in BuildKit's words.
 */
export async function ensureBase(env: RunEnv, ref: ResolvedRef, forcePull: boolean): Promise<{ record: ImageRecord; pulled: PulledLayer[] } | { error: string }> {
  const local = env.ctx.images.find(ref.familiar);
  if (local && !forcePull) return { record: local, pulled: [] };
  const pull = pullerOf(env.ctx.images);
  if (!pull) {
    if (local) return { record: local, pulled: [] };
    return { error: `failed to resolve source metadata for ${ref.canonical}: ${ref.canonical}: not found` };
  }
  const sizes = new Map<string, number>();
  const pulled: PulledLayer[] = [];
  const onProgress = (e: ProgressEvent): void => {
    if (e.id && e.progress) sizes.set(e.id, e.progress.total);
    if (e.id && e.status === 'Pull complete') pulled.push({ id: e.id, size: sizes.get(e.id) ?? 0 });
  };
  try {
    await pull(ref.familiar, onProgress, env.cancel);
  } catch (err) {
    if (!isEngineError(err)) throw err;
    return { error: `failed to resolve source metadata for ${ref.canonical}: ${buildkitPullMessage(ref, err.message)}` };
  }
  const record = env.ctx.images.find(ref.familiar);
  if (!record) return { error: `failed to resolve source metadata for ${ref.canonical}: ${ref.canonical}: not found` };
  return { record, pulled };
}

/** BuildKit resolves through containerd, whose wording differs from the daemon's pull errors. */
function buildkitPullMessage(ref: ResolvedRef, daemonMessage: string): string {
  if (daemonMessage.startsWith('pull access denied')) {
    return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  }
  if (daemonMessage.includes('manifest unknown') || daemonMessage.includes('not found')) return `${ref.canonical}: not found`;
  return daemonMessage;
}

/** `docker.io/library/node:latest@sha256:…` when the image has a registry digest. */
export function pinnedName(ref: ResolvedRef, record: ImageRecord | undefined): string {
  const digest = record?.digests.map((d) => d.slice(d.indexOf('@') + 1)).find((d) => d.startsWith('sha256:')) ?? ref.hubDigest;
  return digest ? `${ref.canonical}@${digest}` : ref.canonical;
}
