// PLACEHOLDER: replaced by the builder domain. Signatures are the contract.
import type { BuilderApi } from '../api.js';
import type { EngineContext } from '../context.js';
import type { SnapshotPart } from '../system/SystemService.js';

export declare class BuilderService implements BuilderApi, SnapshotPart {
  constructor(ctx: EngineContext);
  build: BuilderApi['build'];
  lastBuild: BuilderApi['lastBuild'];
  prune: BuilderApi['prune'];
  toSnapshot(): unknown;
  fromSnapshot(data: unknown): void;
  checkInvariants(): string[];
}
