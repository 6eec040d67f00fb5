/**
 * Saved state in IndexedDB (idb-keyval's default database), written from the
 * worker so that a save never crosses to the page.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SavedState, StateStore } from './SlipwayHost.js';

const KEY = 'state-v1';

export class IdbStateStore implements StateStore {
  private readonly db: UseStore;

  constructor() {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    this.db = createStore('slipway', 'state');
  }

  async load(): Promise<SavedState | undefined> {
    const value: unknown = await get(KEY, this.db);
    if (!value || typeof value !== 'object' || (value as { version?: unknown }).version !== 1) return undefined;
    return value as SavedState;
  }

  async save(state: SavedState): Promise<void> {
    await set(KEY, state, this.db);
  }

  async clear(): Promise<void> {
    await del(KEY, this.db);
  }
}
