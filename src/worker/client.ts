/**
 * The page's handle on the engine worker. One worker per page, created on
 * first use (React StrictMode mounts twice; a per-component worker would
 * double the engine). Callbacks are wrapped as comlink proxies here, so no
 * other folder needs comlink.
 */
import * as Comlink from 'comlink';
import type { ChangeKind, SessionCallbacks, WorkerApi } from './protocol.js';

export type { WorkerApi } from './protocol.js';

let remote: Comlink.Remote<WorkerApi> | undefined;

export function engineWorker(): Comlink.Remote<WorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    remote = Comlink.wrap<WorkerApi>(worker);
  }
  return remote;
}

export function openSession(id: string, columns: number, rows: number, callbacks: SessionCallbacks): Promise<void> {
  return engineWorker().openSession(id, columns, rows, Comlink.proxy(callbacks));
}

export function watchEngine(onChange: (what: ChangeKind) => void): Promise<void> {
  return engineWorker().watch(Comlink.proxy(onChange));
}
