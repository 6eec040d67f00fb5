/**
 * Real time and real randomness for the browser worker and the interactive
 * `slipway` command. Only hosts use these; the pure layers receive them as
 * the Clock/IdSource contracts.
 */
import type { CancelToken, Clock, IdSource } from '../../os/clock.js';

interface TimerHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  performance?: { now(): number };
  crypto: { getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T };
}

const host = globalThis as unknown as TimerHost;

export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  monotonic(): number {
    return host.performance ? host.performance.now() : Date.now();
  }

  sleep(ms: number, cancel?: CancelToken): Promise<void> {
    if (cancel?.cancelled) return Promise.resolve();
    return new Promise((resolve) => {
      let unsubscribe = (): void => undefined;
      const handle = host.setTimeout(() => {
        unsubscribe();
        resolve();
      }, Math.max(0, ms));
      if (cancel) {
        unsubscribe = cancel.onCancel(() => {
          host.clearTimeout(handle);
          resolve();
        });
      }
    });
  }
}

/** IDs from the platform's cryptographic generator, as moby's stringid uses crypto/rand. */
export class CryptoIds implements IdSource {
  hex64(): string {
    for (;;) {
      const bytes = host.crypto.getRandomValues(new Uint8Array(32));
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      // moby regenerates IDs whose 12-char prefix is all digits.
      if (!/^\d{12}/.test(hex)) return hex;
    }
  }

  int(n: number): number {
    if (n <= 1) return 0;
    // Rejection sampling keeps the distribution uniform for any n.
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const value = host.crypto.getRandomValues(new Uint32Array(1))[0];
      if (value < limit) return value % n;
    }
  }
}
