import type { EngineEvent } from '../api.js';
import type { EventBus } from '../context.js';

/** Synchronous fan-out; a throwing listener must not break the engine operation that emitted. */
export class SimpleEventBus implements EventBus {
  private readonly listeners = new Set<(event: EngineEvent) => void>();

  emit(event: EngineEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A UI listener's bug is not the daemon's failure.
      }
    }
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
