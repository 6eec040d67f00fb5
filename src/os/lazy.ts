/**
 * A module imported on first use. The browser's engine worker answers its
 * first command before most of the CLI, the shell's utilities and the engine's
 * rarer parts have downloaded (PRODUCT.md §7); each such part is reached
 * through one of these.
 */

import type { Clock } from './clock.js';

/** `load` runs once; later calls share its promise. A failed load (a download cut off offline) is retried on the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

/**
 * Awaits an import as real work: a virtual clock (tests, scenario replays)
 * must not jump ahead while a module loads, or a `sleep 10` would end early.
 */
export function loading<T>(clock: Clock, work: Promise<T>): Promise<T> {
  return clock.hold?.(work) ?? work;
}
