/**
 * Version, info, events, snapshot/restore and the invariant check. Snapshot and
 * invariants are composed from each domain's own part, so each domain stays the
 * only owner of its state.
 */
import type { EngineEvent, EngineSnapshot, SystemApi } from '../api.js';
import type { EngineContext } from '../context.js';

/** A domain that contributes to snapshots and invariant checks. */
export interface SnapshotPart {
  toSnapshot(): unknown;
  fromSnapshot(data: unknown): void;
  checkInvariants(): string[];
}

export class SystemService implements SystemApi {
  constructor(
    private readonly ctx: EngineContext,
    private readonly parts: Readonly<Record<string, SnapshotPart>>,
  ) {}

  version() {
    return {
      version: '29.1.0',
      apiVersion: '1.52',
      goVersion: 'go1.25.5',
      gitCommit: 'fbf3ed2',
      os: 'linux',
      arch: 'amd64',
      buildTime: 'Mon Dec  1 10:22:53 2025',
    };
  }

  info(): Record<string, unknown> {
    return { ServerVersion: this.version().version };
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.ctx.events.subscribe(listener);
  }

  snapshot(): EngineSnapshot {
    const out: Record<string, unknown> = { version: 1 };
    for (const [name, part] of Object.entries(this.parts)) out[name] = part.toSnapshot();
    return out as EngineSnapshot;
  }

  restore(snapshot: EngineSnapshot): void {
    // Images first: containers refer to them.
    for (const [name, part] of Object.entries(this.parts)) part.fromSnapshot(snapshot[name]);
  }

  checkInvariants(): string[] {
    return Object.values(this.parts).flatMap((part) => part.checkInvariants());
  }
}
