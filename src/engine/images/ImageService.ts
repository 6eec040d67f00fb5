// PLACEHOLDER: replaced by the images domain. Signatures are the contract.
import type { ImagesApi } from '../api.js';
import type { EngineContext, ImageStore } from '../context.js';
import type { SnapshotPart } from '../system/SystemService.js';
import type { RegistryService } from '../registry/RegistryService.js';

export declare class ImageService implements ImagesApi, ImageStore, SnapshotPart {
  constructor(ctx: EngineContext, registry: RegistryService);
  list: ImagesApi['list'];
  inspect: ImagesApi['inspect'];
  history: ImagesApi['history'];
  resolve: ImagesApi['resolve'];
  tag: ImagesApi['tag'];
  remove: ImagesApi['remove'];
  prune: ImagesApi['prune'];
  pull: ImagesApi['pull'];
  push: ImagesApi['push'];
  record: ImageStore['record'];
  find: ImageStore['find'];
  createLayer: ImageStore['createLayer'];
  commit: ImageStore['commit'];
  setTag: ImageStore['setTag'];
  rootfs: ImageStore['rootfs'];
  toSnapshot(): unknown;
  fromSnapshot(data: unknown): void;
  checkInvariants(): string[];
}
