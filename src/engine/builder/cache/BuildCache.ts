/**
 * The builder's cache: step key → layer, kept apart from the image store so
 * that `docker rmi` leaves it alone. Keys chain (each covers its parent's key),
 * so the first step that misses makes every later step miss. Records also keep
 * what went into the key, so a miss can be explained.
 */
import type { CacheMissReason } from '../../api.js';
import type { Layer } from '../../context.js';
import { digestOf } from '../../layers/digest.js';

export type StepKind = 'RUN' | 'COPY' | 'ADD' | 'WORKDIR';

/** What a filesystem step's key is made of. */
export interface StepInputs {
  readonly kind: StepKind;
  /** The operation without its environment: RUN args, COPY sources/dest/flags, WORKDIR path. */
  readonly op: string;
  /** RUN only: env, cwd and user. */
  readonly env?: string;
  /** COPY/ADD only: checksum per selected source file. */
  readonly files?: Readonly<Record<string, string>>;
}

export interface CacheRecord {
  readonly key: string;
  readonly parentKey: string;
  readonly inputs: StepInputs;
  readonly layer: Layer;
  /** When the step ran; becomes the history `created` of every build that reuses it. */
  readonly created: number;
}

export function stepKey(parentKey: string, inputs: StepInputs): string {
  const files = inputs.files ? Object.keys(inputs.files).sort().map((f) => `${f}=${inputs.files![f]}`).join('\n') : '';
  return digestOf([parentKey, '\n', inputs.kind, '\n', inputs.op, '\n', inputs.env ?? '', '\n', files]);
}

export class BuildCache {
  private readonly byKey = new Map<string, CacheRecord>();
  private readonly children = new Map<string, CacheRecord[]>();

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): CacheRecord | undefined {
    return this.byKey.get(key);
  }

  put(record: CacheRecord): void {
    const existing = this.byKey.get(record.key);
    this.byKey.set(record.key, record);
    const siblings = this.children.get(record.parentKey) ?? [];
    this.children.set(record.parentKey, [...siblings.filter((r) => r !== existing), record]);
  }

  records(): CacheRecord[] {
    return [...this.byKey.values()];
  }

  clear(): number {
    const seen = new Set<string>();
    let bytes = 0;
    for (const r of this.byKey.values()) {
      if (!seen.has(r.layer.diffId)) bytes += r.layer.size;
      seen.add(r.layer.diffId);
    }
    this.byKey.clear();
    this.children.clear();
    return bytes;
  }

  /** Whether this exact operation was ever built, under any parent. */
  hasOperation(inputs: StepInputs): boolean {
    for (const r of this.byKey.values()) {
      if (r.inputs.kind === inputs.kind && r.inputs.op === inputs.op && (r.inputs.env ?? '') === (inputs.env ?? '')) return true;
    }
    return false;
  }

  /** Why a step whose parent was found in the cache still missed. */
  explainMiss(parentKey: string, inputs: StepInputs): CacheMissReason {
    if (this.byKey.size === 0) return { kind: 'first-build' };
    const siblings = (this.children.get(parentKey) ?? []).filter((r) => r.inputs.kind === inputs.kind && r.inputs.op === inputs.op);
    // The newest sibling with the same operation is the previous build of this step.
    const previous = siblings[siblings.length - 1];
    if (!previous) return { kind: 'instruction-changed' };
    if (inputs.files && previous.inputs.files) {
      const changed = changedFiles(previous.inputs.files, inputs.files);
      if (changed.length > 0) return { kind: 'files-changed', files: changed };
    }
    if ((previous.inputs.env ?? '') !== (inputs.env ?? '')) return { kind: 'env-changed' };
    return { kind: 'instruction-changed' };
  }
}

function changedFiles(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  const out = new Set<string>();
  for (const [f, h] of Object.entries(after)) if (before[f] !== h) out.add(f);
  for (const f of Object.keys(before)) if (!(f in after)) out.add(f);
  return [...out].sort();
}
