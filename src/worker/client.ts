/**
 * The page's handle on the engine worker. One worker per page, created on
 * first use (React StrictMode mounts twice; a per-component worker would
 * double the engine). Callbacks are wrapped as comlink proxies here, so no
 * other folder needs comlink.
 *
 * A heartbeat notices a worker that stopped answering (a hang, or a crash
 * that killed it): it is terminated and a new one boots from the last saved
 * state; listeners re-attach their terminals.
 */
import * as Comlink from 'comlink';
import type { ChangeKind, SessionCallbacks, WorkerApi } from './protocol.js';

export type { WorkerApi } from './protocol.js';

const HEARTBEAT_MS = 1000;
/** A ping unanswered this long means the worker is gone (long enough for a busy 2-core machine). */
const DEAD_AFTER_MS = 4000;

let worker: Worker | undefined;
let remote: Comlink.Remote<WorkerApi> | undefined;
let heartbeat: ReturnType<typeof setInterval> | undefined;
let outstanding: { readonly sentAt: number } | undefined;
const restartListeners = new Set<() => void>();

function spawn(): Comlink.Remote<WorkerApi> {
  worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  remote = Comlink.wrap<WorkerApi>(worker);
  outstanding = undefined;
  return remote;
}

export function engineWorker(): Comlink.Remote<WorkerApi> {
  return remote ?? spawn();
}

/** Replaces the worker with a fresh one that restores the last saved state. */
export function restartEngine(): void {
  worker?.terminate();
  remote?.[Comlink.releaseProxy]();
  const next = spawn();
  void next.boot();
  for (const listener of [...restartListeners]) listener();
}

export function onEngineRestart(listener: () => void): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}

export function startHeartbeat(): void {
  if (heartbeat !== undefined) return;
  heartbeat = setInterval(() => {
    if (outstanding) {
      // Judged by the age of the unanswered ping, so a throttled background tab never looks dead.
      if (performance.now() - outstanding.sentAt > DEAD_AFTER_MS) restartEngine();
      return;
    }
    const ping = { sentAt: performance.now() };
    outstanding = ping;
    const target = engineWorker();
    void target.ping().then(() => {
      if (outstanding === ping) outstanding = undefined;
    });
  }, HEARTBEAT_MS);
}

export function openSession(id: string, columns: number, rows: number, callbacks: SessionCallbacks): Promise<void> {
  return engineWorker().openSession(id, columns, rows, Comlink.proxy(callbacks));
}

export function watchEngine(onChange: (what: ChangeKind) => void): Promise<void> {
  return engineWorker().watch(Comlink.proxy(onChange));
}
