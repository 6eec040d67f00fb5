/**
 * `docker pull`: resolve the manifest on the hub, then stream jsonmessage-style
 * progress while layers "download" (three at a time, as dockerd does) and
 * extract in order. Time passes on the engine clock in 100 ms ticks so the
 * progress is visible, and a cancelled pull stores nothing.
 */
import type { PullResult, ProgressEvent } from '../api.js';
import type { EventBus } from '../context.js';
import type { CancelToken, Clock } from '../../os/clock.js';
import { EngineError } from '../errors/EngineError.js';
import { canonicalString, DEFAULT_DOMAIN, familiarName, familiarString, parseReference, withDefaultTag } from '../reference/reference.js';
import type { RegistryService } from '../registry/RegistryService.js';
import { loadCatalogue, type HubImage } from '../registry/catalogue/index.js';
import { loading } from '../../os/lazy.js';
import { shortBlobId } from '../registry/manifest.js';
import { imageIdOf } from './configDigest.js';
import type { ImageTable } from './ImageTable.js';

export interface TransferDeps {
  readonly table: ImageTable;
  readonly registry: RegistryService;
  readonly events: EventBus;
  readonly clock: Clock;
}

export const TICK_MS = 100;
/** Compressed bytes one download stream moves per tick. */
const DOWNLOAD_PER_TICK = 30_000_000;
/** Compressed bytes extracted per tick. */
const EXTRACT_PER_TICK = 80_000_000;
const MAX_CONCURRENT_DOWNLOADS = 3;

export function canceled(): EngineError {
  return new EngineError('context canceled', 'system');
}

function lookupOrThrow(deps: TransferDeps, input: string): { image: HubImage; shown: string } {
  const ref = withDefaultTag(parseReference(input));
  const shown = familiarString(ref);
  if (ref.domain !== DEFAULT_DOMAIN) {
    throw new EngineError(`Get "https://${ref.domain}/v2/": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')}: no such host`, 'system');
  }
  const denied = new EngineError(
    `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    'notFound',
  );
  const unknown = new EngineError(`manifest for ${shown} not found: manifest unknown: manifest unknown`, 'notFound');
  if (ref.digest !== undefined) {
    const found = deps.registry.lookup(ref.path, 'latest');
    if (found.kind === 'no-repo') throw denied;
    const image = findByDigest(deps, ref.path, ref.digest);
    if (!image) throw unknown;
    return { image, shown };
  }
  const found = deps.registry.lookup(ref.path, ref.tag!);
  if (found.kind === 'no-repo') throw denied;
  if (found.kind === 'no-tag') throw unknown;
  return { image: found.image, shown };
}

function findByDigest(deps: TransferDeps, path: string, digest: string): HubImage | undefined {
  for (const tag of deps.registry.tagsOf(path)) {
    const found = deps.registry.lookup(path, tag);
    if (found.kind === 'found' && found.image.digest === digest) return found.image;
  }
  return undefined;
}

interface Job {
  readonly id: string;
  readonly total: number;
  downloaded: number;
  extracted: number;
  state: 'waiting' | 'downloading' | 'downloaded' | 'done';
}

async function transfer(deps: TransferDeps, image: HubImage, emit: (e: ProgressEvent) => void, cancel?: CancelToken): Promise<void> {
  const jobs: Job[] = [];
  const seen = new Set<string>();
  image.layers.forEach((layer, i) => {
    if (seen.has(layer.diffId)) return;
    seen.add(layer.diffId);
    const id = shortBlobId(layer.diffId);
    if (deps.table.layers.has(layer.diffId)) emit({ id, status: 'Already exists' });
    else {
      jobs.push({ id, total: image.compressed[i], downloaded: 0, extracted: 0, state: 'waiting' });
      // In manifest order, so a TTY shows the layers bottom to top.
      emit({ id, status: 'Pulling fs layer' });
    }
  });
  jobs.forEach((job, i) => {
    if (i < MAX_CONCURRENT_DOWNLOADS) job.state = 'downloading';
    else emit({ id: job.id, status: 'Waiting' });
  });
  while (jobs.some((j) => j.state !== 'done')) {
    await deps.clock.sleep(TICK_MS, cancel);
    if (cancel?.cancelled) throw canceled();
    for (const job of jobs.filter((j) => j.state === 'downloading')) {
      job.downloaded = Math.min(job.total, job.downloaded + DOWNLOAD_PER_TICK);
      emit({ id: job.id, status: 'Downloading', progress: { current: job.downloaded, total: job.total } });
      if (job.downloaded >= job.total) {
        emit({ id: job.id, status: 'Verifying Checksum' });
        emit({ id: job.id, status: 'Download complete' });
        job.state = 'downloaded';
        const next = jobs.find((j) => j.state === 'waiting');
        if (next) next.state = 'downloading';
      }
    }
    // Layers extract strictly in order, each once it and everything below it are in.
    let budget = EXTRACT_PER_TICK;
    for (const job of jobs) {
      if (job.state === 'done') continue;
      if (job.state !== 'downloaded' || budget <= 0) break;
      const step = Math.min(budget, job.total - job.extracted);
      job.extracted += step;
      budget -= Math.max(step, 1);
      emit({ id: job.id, status: 'Extracting', progress: { current: job.extracted, total: job.total } });
      if (job.extracted < job.total) break;
      emit({ id: job.id, status: 'Pull complete' });
      job.state = 'done';
    }
  }
}

export async function pullImage(deps: TransferDeps, input: string, onProgress: (event: ProgressEvent) => void, cancel?: CancelToken): Promise<PullResult> {
  const ref = withDefaultTag(parseReference(input));
  await loading(deps.clock, loadCatalogue());
  const { image: hub, shown } = lookupOrThrow(deps, input);
  onProgress({ id: ref.tag ?? ref.digest, status: `Pulling from ${ref.path}` });
  const local = deps.table.find(shown);
  const upToDate = local !== undefined && local.id === imageIdOf(hub.config);
  if (!upToDate) await transfer(deps, hub, onProgress, cancel);
  if (cancel?.cancelled) throw canceled();
  const stored = deps.table.commit(hub.config, hub.layers);
  if (ref.tag !== undefined) deps.table.setTag(stored, shown);
  deps.table.addDigest(stored, `${familiarName(ref)}@${hub.digest}`);
  onProgress({ status: `Digest: ${hub.digest}` });
  onProgress({ status: upToDate ? `Status: Image is up to date for ${shown}` : `Status: Downloaded newer image for ${shown}` });
  deps.events.emit({ type: 'image', action: 'pull', id: stored.id, ref: shown, time: deps.clock.now() });
  return { digest: hub.digest, downloaded: !upToDate, familiar: shown, canonical: canonicalString(ref), imageId: stored.id };
}
