/**
 * The containers kept in memory, by ID, with an index by image ID that is
 * rebuilt lazily after any change (`docker images` and image removal ask
 * once per image). Every change goes through here, so the index cannot go
 * stale.
 */
import type { ContainerRecord } from './model.js';

export class ContainerTable {
  private readonly byId = new Map<string, ContainerRecord>();
  private byImage: Map<string, ContainerRecord[]> | undefined;

  get(id: string): ContainerRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  keys(): IterableIterator<string> {
    return this.byId.keys();
  }

  values(): IterableIterator<ContainerRecord> {
    return this.byId.values();
  }

  set(record: ContainerRecord): void {
    this.byId.set(record.id, record);
    this.byImage = undefined;
  }

  delete(id: string): void {
    this.byId.delete(id);
    this.byImage = undefined;
  }

  clear(): void {
    this.byId.clear();
    this.byImage = undefined;
  }

  /** Containers (any state) whose image is `imageId`. */
  ofImage(imageId: string): readonly ContainerRecord[] {
    if (!this.byImage) {
      this.byImage = new Map();
      for (const c of this.byId.values()) {
        const users = this.byImage.get(c.imageId);
        if (users) users.push(c);
        else this.byImage.set(c.imageId, [c]);
      }
    }
    return this.byImage.get(imageId) ?? [];
  }
}
