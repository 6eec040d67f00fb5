/**
 * The builder domain: `docker build` with BuildKit's semantics, its cache
 * (separate from the image store, so it survives `rmi`), and the record of
 * the last build that the UI and lessons read.
 */
import type { BuildEvent, BuilderApi, BuildOptions, BuildRecord } from '../api.js';
import type { CancelToken } from '../../os/clock.js';
import { loading } from '../../os/lazy.js';
import { loadCatalogue } from '../registry/catalogue/index.js';
import type { EngineContext } from '../context.js';
import type { SnapshotPart } from '../system/SystemService.js';
import { BuildFailure } from './BuildFailure.js';
import { BuildCache } from './cache/BuildCache.js';
import { cacheFromJson, cacheToJson } from './cache/cacheSnapshot.js';
import type { DefinitionMemo } from './exec/BuildRun.js';

export class BuilderService implements BuilderApi, SnapshotPart {
  private readonly cache = new BuildCache();
  private last: BuildRecord | undefined;
  private contextHashes: ReadonlyMap<string, string> | undefined;
  private readonly definition: DefinitionMemo = {};

  constructor(private readonly ctx: EngineContext) {}

  async build(options: BuildOptions, onEvent: (event: BuildEvent) => void, cancel?: CancelToken): Promise<BuildRecord> {
    // The build's machinery (Dockerfile parser, checks, steps) and the hub's images (FROM) load with the first build, not with the engine.
    const [{ runBuild }] = await loading(this.ctx.clock, Promise.all([import('./exec/BuildRun.js'), loadCatalogue()]));
    try {
      const outcome = await runBuild(this.ctx, this.cache, options, onEvent, cancel, this.contextHashes, this.definition);
      this.last = outcome.record;
      if (outcome.contextHashes) this.contextHashes = outcome.contextHashes;
      return outcome.record;
    } catch (err) {
      if (err instanceof BuildFailure && err.record) this.last = err.record;
      throw err;
    }
  }

  lastBuild(): BuildRecord | undefined {
    return this.last;
  }

  prune(): { readonly spaceReclaimed: number } {
    this.contextHashes = undefined;
    return { spaceReclaimed: this.cache.clear() };
  }

  /** The last build record and the cache (with its layers), so a restored session still builds from cache. */
  toSnapshot(): unknown {
    return { lastBuild: this.last ?? null, cache: cacheToJson(this.cache) };
  }

  fromSnapshot(data: unknown): void {
    this.contextHashes = undefined;
    const snap = data as { lastBuild?: BuildRecord | null; cache?: unknown } | undefined;
    this.last = snap?.lastBuild ?? undefined;
    cacheFromJson(this.cache, this.ctx.images, snap?.cache);
  }

  checkInvariants(): string[] {
    const problems: string[] = [];
    for (const r of this.cache.records()) {
      if (r.parentKey === r.key) problems.push(`build cache record ${r.key} is its own parent`);
    }
    return problems;
  }
}
