/**
 * The images domain: the CLI's ImagesApi and the ImageStore the containers
 * and builder domains use. State lives in ImageTable; each operation family
 * has its own module (remove, pull, push, inspect, snapshot).
 */
import type { ImageConfigFile, ImagesApi, ImageSummary, ProgressEvent, PruneResult, PullResult, PushResult, DeleteRecord } from '../api.js';
import type { EngineContext, ImageRecord, ImageStore, Layer, LayerEntry, WritableRootfs } from '../context.js';
import type { CancelToken } from '../../os/clock.js';
import { EngineError } from '../errors/EngineError.js';
import { OverlayRootfs } from '../layers/overlay/OverlayRootfs.js';
import { familiarString, parseReference, withDefaultTag } from '../reference/reference.js';
import type { RegistryService } from '../registry/RegistryService.js';
import type { SnapshotPart } from '../system/SystemService.js';
import { ImageTable } from './ImageTable.js';
import { imageHistory, inspectImage, summarize, type HistoryRow } from './inspect.js';
import { pullImage } from './pull.js';
import { pushImage } from './push.js';
import { pruneImages, removeImage } from './remove.js';
import { checkInvariants, fromSnapshot, toSnapshot } from './snapshot.js';

export class ImageService implements ImagesApi, ImageStore, SnapshotPart {
  private readonly table = new ImageTable();

  constructor(
    private readonly ctx: EngineContext,
    private readonly registry: RegistryService,
  ) {
    // Layers of a force-deleted image go with the last container that used it.
    ctx.events?.subscribe((event) => {
      if (event.type !== 'container' || event.action !== 'destroy' || this.table.held.size === 0) return;
      for (const id of [...this.table.held.keys()]) if (this.ctx.containers.userCount(id) === 0) this.table.releaseHeld(id);
    });
  }

  private get deps() {
    return { table: this.table, registry: this.registry, events: this.ctx.events, clock: this.ctx.clock, containers: this.ctx.containers };
  }

  // ------------------------------------------------------------ ImagesApi

  list(options: { readonly all?: boolean } = {}): ImageSummary[] {
    const out: ImageSummary[] = [];
    for (const image of this.table.images.values()) {
      if (!options.all && image.tags.length === 0) continue;
      out.push(summarize(image, this.table.size(image), this.ctx.containers.userCount(image.id)));
    }
    return out.sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  }

  inspect(ref: string): Record<string, unknown> {
    const image = this.table.get(ref);
    return inspectImage(image, this.table.size(image));
  }

  history(ref: string): readonly HistoryRow[] {
    return imageHistory(this.table.get(ref));
  }

  resolve(ref: string): string | undefined {
    return this.table.find(ref)?.id;
  }

  tag(source: string, target: string): void {
    const image = this.table.get(source);
    const parsed = parseReference(target);
    if (parsed.digest !== undefined) throw new EngineError('refusing to create a tag with a digest reference', 'invalidParameter');
    this.setTag(image.id, familiarString(withDefaultTag(parsed)));
  }

  remove(ref: string, options: { readonly force?: boolean; readonly noPrune?: boolean } = {}): DeleteRecord[] {
    return removeImage(this.deps, ref, options.force === true);
  }

  prune(options: { readonly all?: boolean } = {}): PruneResult {
    return pruneImages(this.deps, options.all === true);
  }

  pull(ref: string, onProgress: (event: ProgressEvent) => void, cancel?: CancelToken): Promise<PullResult> {
    return pullImage(this.deps, ref, onProgress, cancel);
  }

  push(ref: string, onProgress: (event: ProgressEvent) => void, cancel?: CancelToken): Promise<PushResult> {
    return pushImage(this.deps, ref, onProgress, cancel);
  }

  // ------------------------------------------------------------ ImageStore

  record(id: string): ImageRecord | undefined {
    return this.table.images.get(id);
  }

  find(ref: string): ImageRecord | undefined {
    return this.table.find(ref);
  }

  layersOf(imageId: string): readonly Layer[] | undefined {
    return this.table.images.get(imageId)?.layers ?? this.table.held.get(imageId);
  }

  createLayer(entries: ReadonlyMap<string, LayerEntry>, declaredSize?: number): Layer {
    return this.table.layers.create(entries, declaredSize);
  }

  commit(config: ImageConfigFile, layers: readonly Layer[]): ImageRecord {
    return this.table.commit(config, layers);
  }

  setTag(imageId: string, ref: string): void {
    const image = this.table.images.get(imageId);
    if (!image) throw new EngineError(`No such image: ${imageId}`, 'notFound');
    const tag = familiarString(withDefaultTag(parseReference(ref)));
    this.table.setTag(image, tag);
    image.lastTagTime = this.ctx.clock.now();
    this.ctx.events.emit({ type: 'image', action: 'tag', id: image.id, ref: tag, time: this.ctx.clock.now() });
  }

  rootfs(layers: readonly Layer[]): WritableRootfs {
    return new OverlayRootfs(this.table.layers.view(layers), () => this.ctx.clock.now(), this.ctx.clock.now());
  }

  // ------------------------------------------------------------ SnapshotPart

  toSnapshot(): unknown {
    return toSnapshot(this.table);
  }

  fromSnapshot(data: unknown): void {
    fromSnapshot(this.table, data);
  }

  checkInvariants(): string[] {
    return checkInvariants(this.table);
  }
}
