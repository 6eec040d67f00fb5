/**
 * `docker push`: only to the logged-in user's own namespace on the hub.
 * Layers are listed top first; blobs the hub already has in this repository
 * report `Layer already exists`, blobs it has elsewhere are cross-mounted
 * (`Mounted from library/alpine`, preferring the repository the layer was
 * pulled from), the rest upload with progress.
 */
import type { ProgressEvent, PushResult } from '../api.js';
import type { CancelToken } from '../../os/clock.js';
import { EngineError } from '../errors/EngineError.js';
import { DEFAULT_DOMAIN, familiarName, parseReference, withDefaultTag } from '../reference/reference.js';
import { DENIED } from '../registry/RegistryService.js';
import { estimateCompressed, manifestOf, shortBlobId } from '../registry/manifest.js';
import type { MutableImage } from './ImageTable.js';
import { canceled, TICK_MS, type TransferDeps } from './pull.js';

const UPLOAD_PER_TICK = 20_000_000;
const MAX_CONCURRENT_UPLOADS = 5;

/**
 * Repository paths (`library/alpine`) a layer was pulled from, as far as the
 * local store knows: the pushed image's own RepoDigests first, then those of
 * any other local image sharing the layer.
 */
function pulledFrom(deps: TransferDeps, image: MutableImage, diffId: string): string[] {
  const holders = [image, ...[...deps.table.images.values()].filter((i) => i !== image && i.layers.some((l) => l.diffId === diffId))];
  const paths = holders.flatMap((i) => i.digests.map((d) => parseReference(d).path));
  return [...new Set(paths)];
}

export async function pushImage(deps: TransferDeps, input: string, onProgress: (event: ProgressEvent) => void, cancel?: CancelToken): Promise<PushResult> {
  const ref = withDefaultTag(parseReference(input));
  if (ref.digest !== undefined) throw new EngineError('cannot push a digest reference', 'invalidParameter');
  const name = familiarName(ref);
  const tag = ref.tag!;
  const local = deps.table.tags.get(`${name}:${tag}`);
  const image = local ? deps.table.images.get(local) : undefined;
  if (!image) throw new EngineError(`An image does not exist locally with the tag: ${name}`, 'notFound');

  onProgress({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
  const layers = [...image.layers].reverse().filter((l, i, all) => all.findIndex((x) => x.diffId === l.diffId) === i);
  for (const layer of layers) onProgress({ id: shortBlobId(layer.diffId), status: 'Preparing' });
  layers.forEach((layer, i) => {
    if (i >= MAX_CONCURRENT_UPLOADS) onProgress({ id: shortBlobId(layer.diffId), status: 'Waiting' });
  });

  const user = deps.registry.currentUser();
  const namespace = ref.path.split('/')[0];
  if (ref.domain !== DEFAULT_DOMAIN || user === undefined || namespace !== user) {
    await deps.clock.sleep(TICK_MS, cancel);
    throw new EngineError(DENIED, 'forbidden');
  }

  for (const layer of layers) {
    if (cancel?.cancelled) throw canceled();
    const id = shortBlobId(layer.diffId);
    const source = deps.registry.blobSource(layer.diffId, ref.path, pulledFrom(deps, image, layer.diffId));
    if (source === ref.path) {
      onProgress({ id, status: 'Layer already exists' });
      continue;
    }
    if (source !== undefined) {
      onProgress({ id, status: `Mounted from ${source}` });
      continue;
    }
    const total = estimateCompressed(layer);
    for (let sent = 0; sent < total; ) {
      await deps.clock.sleep(TICK_MS, cancel);
      if (cancel?.cancelled) throw canceled();
      sent = Math.min(total, sent + UPLOAD_PER_TICK);
      onProgress({ id, status: 'Pushing', progress: { current: sent, total } });
    }
    onProgress({ id, status: 'Pushed' });
  }

  const compressed = image.layers.map(estimateCompressed);
  const manifest = manifestOf(image.config, image.layers, compressed);
  deps.registry.publish(ref.path, tag, { path: ref.path, config: image.config, layers: image.layers, compressed, digest: manifest.digest, manifestSize: manifest.size });
  deps.table.addDigest(image, `${name}@${manifest.digest}`);
  deps.events.emit({ type: 'image', action: 'push', id: image.id, ref: `${name}:${tag}`, time: deps.clock.now() });
  return { tag, digest: manifest.digest, size: manifest.size };
}
