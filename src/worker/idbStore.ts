/**
 * Saved state in IndexedDB (idb-keyval's default database), written from the
 * worker so that a save never crosses to the page.
 *
 * Format 2 stores one record per space (`space:<key>`) and a small index
 * (`state-v2`: active space, progress, the space keys). A save rewrites only
 * the spaces whose object changed since the last save: a parked space keeps
 * its stored object, so switching between many lessons does not make every
 * command write every lesson's engine. A format-1 save (`state-v1`, from
 * before lessons) is read back as it was and migrated by the host; it is
 * removed once a format-2 save has succeeded.
 */
import { clear, createStore, delMany, get, getMany, setMany, type UseStore } from 'idb-keyval';
import type { SavedSpace, SavedState, SavedStateV1, SpaceKey, StateStore } from './lessons/saved.js';

const INDEX = 'state-v2';
const V1 = 'state-v1';
const spaceKey = (key: SpaceKey): string => `space:${key}`;

interface Index {
  readonly version: 2;
  readonly active: SpaceKey;
  readonly progress: SavedState['progress'];
  readonly spaces: readonly SpaceKey[];
}

export class IdbStateStore implements StateStore {
  private readonly db: UseStore;
  /** The space objects as last written, to skip unchanged ones. */
  private written = new Map<SpaceKey, SavedSpace>();
  private v1Present = true;

  constructor() {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    this.db = createStore('slipway', 'state');
  }

  async load(): Promise<SavedState | SavedStateV1 | undefined> {
    const index: unknown = await get(INDEX, this.db);
    if (index && typeof index === 'object' && (index as Index).version === 2 && Array.isArray((index as Index).spaces)) {
      const { active, progress, spaces: keys } = index as Index;
      const records = await getMany<SavedSpace | undefined>(keys.map(spaceKey), this.db);
      const spaces: Record<SpaceKey, SavedSpace> = {};
      keys.forEach((key, i) => {
        const record = records[i];
        if (record) spaces[key] = record;
      });
      this.written = new Map(Object.entries(spaces));
      return { version: 2, active, progress: progress ?? {}, spaces };
    }
    const v1: unknown = await get(V1, this.db);
    if (!v1 || typeof v1 !== 'object' || (v1 as { version?: unknown }).version !== 1) return undefined;
    return v1 as SavedStateV1;
  }

  async save(state: SavedState): Promise<void> {
    const keys = Object.keys(state.spaces);
    const changed = keys.filter((key) => this.written.get(key) !== state.spaces[key]);
    const index: Index = { version: 2, active: state.active, progress: state.progress, spaces: keys };
    // One transaction: the index never names a space that was not written with it.
    await setMany([[INDEX, index], ...changed.map((key): [string, SavedSpace] => [spaceKey(key), state.spaces[key]])], this.db);
    const gone = [...this.written.keys()].filter((key) => !(key in state.spaces)).map(spaceKey);
    this.written = new Map(keys.map((key) => [key, state.spaces[key]]));
    if (this.v1Present) gone.push(V1);
    if (gone.length > 0) await delMany(gone, this.db);
    this.v1Present = false;
  }

  async clear(): Promise<void> {
    this.written.clear();
    await clear(this.db);
  }
}
