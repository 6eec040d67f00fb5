/**
 * The page's handle on the engine worker. One worker per page, created on
 * first use (React StrictMode mounts twice; a per-component worker would
 * double the engine). Callbacks are wrapped as comlink proxies, and each
 * terminal's line is a MessagePort, here, so no other folder needs comlink.
 *
 * A heartbeat notices a worker that stopped answering (a hang, or a crash
 * that killed it) within 2 s: it is terminated and a new one boots from the
 * last saved state; listeners re-attach their terminals and say so.
 */
import * as Comlink from 'comlink';
import type { ChangeKind, SessionCallbacks, TerminalLineUpdate, WorkerApi } from './protocol.js';

export type { WorkerApi } from './protocol.js';

const HEARTBEAT_MS = 250;
/**
 * A ping unanswered this long means the worker is gone: a ping goes out at
 * most one tick after the last answer and is judged on the first tick past
 * 1.4 s (1.5 s after it went), so a hang is noticed within 1.75 s and the
 * 2 s promise keeps a quarter second for late timers (with 500 ms ticks the
 * worst case was 2.0 s exactly, and the e2e suite saw 2,064 ms). A false restart needs the worker to
 * hold the thread for 1.4 s without a break: the engine's long jobs (builds, pulls,
 * time-sliced node and python loops) return to the event loop far more
 * often, so only a real hang (a loop that never yields) stays silent that long.
 */
const DEAD_AFTER_MS = 1400;
/** More restarts than this within RESTART_WINDOW_MS: the worker cannot start at all; stop trying. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
/** A worker that stops answering this soon after an uncaught error crashed (a dying worker may still answer a ping or two). */
const CRASH_WINDOW_MS = 5_000;

/** Why the worker was replaced: it stopped answering, or it reported an uncaught error and then stopped. */
export type RestartReason = 'hung' | 'crashed';

/** The one line the UI shows after a restart. */
export function restartMessage(reason: RestartReason): string {
  const what = reason === 'crashed' ? 'The engine crashed' : 'The engine stopped answering';
  return `${what} and was restarted from the last saved state.`;
}

let worker: Worker | undefined;
let remote: Comlink.Remote<WorkerApi> | undefined;
let heartbeat: ReturnType<typeof setInterval> | undefined;
let outstanding: { readonly sentAt: number } | undefined;
let lastTick = 0;
/** When the worker last reported an uncaught error: a restart soon after it is a crash, not a hang. */
let crashedAt: number | undefined;
const restarts: number[] = [];
const restartListeners = new Set<(reason: RestartReason) => void>();

function spawn(): Comlink.Remote<WorkerApi> {
  const next = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  // An uncaught error does not always kill a worker: ping at once and let the answer decide.
  next.addEventListener('error', () => {
    if (next !== worker) return;
    crashedAt = performance.now();
    if (heartbeat !== undefined && !outstanding) sendPing();
  });
  worker = next;
  remote = Comlink.wrap<WorkerApi>(next);
  outstanding = undefined;
  crashedAt = undefined;
  return remote;
}

export function engineWorker(): Comlink.Remote<WorkerApi> {
  return remote ?? spawn();
}

/** Replaces the worker with a fresh one that restores the last saved state. */
export function restartEngine(reason: RestartReason = 'hung'): void {
  worker?.terminate();
  remote?.[Comlink.releaseProxy]();
  // On the page's timeline, for tests and DevTools: when the watchdog acted.
  performance.mark('engine-restart', { detail: reason });
  const now = performance.now();
  restarts.push(now);
  while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
  // A worker that dies on every start would be restarted forever: the last restart stands, unwatched.
  if (restarts.length >= MAX_RESTARTS) stopHeartbeat();
  const next = spawn();
  void next.boot();
  for (const listener of [...restartListeners]) listener(reason);
}

export function onEngineRestart(listener: (reason: RestartReason) => void): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}

function sendPing(): void {
  const ping = { sentAt: performance.now() };
  outstanding = ping;
  void engineWorker()
    .ping()
    .then(() => {
      if (outstanding === ping) outstanding = undefined;
    });
}

function stopHeartbeat(): void {
  clearInterval(heartbeat);
  heartbeat = undefined;
}

export function startHeartbeat(): void {
  if (heartbeat !== undefined) return;
  lastTick = performance.now();
  heartbeat = setInterval(() => {
    const now = performance.now();
    const pageSlept = now - lastTick > DEAD_AFTER_MS;
    lastTick = now;
    // A hidden or frozen page gets its timers late and its messages after them: never judge the worker from there.
    if (pageSlept || document.visibilityState === 'hidden') {
      outstanding = undefined;
      return;
    }
    if (!outstanding) sendPing();
    else if (now - outstanding.sentAt > DEAD_AFTER_MS) restartEngine(crashedAt !== undefined && now - crashedAt < CRASH_WINDOW_MS ? 'crashed' : 'hung');
  }, HEARTBEAT_MS);
}

/**
 * A tab being hidden may be closed or discarded without another word, and the worker holds its save
 * back while keys keep arriving (up to ~4.5 s): on hiding, and on leaving the page, it saves at once.
 */
export function saveWhenHidden(): void {
  const flush = (): void => void engineWorker().flush().catch(() => undefined);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
}

/** A terminal's session in the worker: its keys go out and its updates come in on a port of its own (protocol.ts). */
export interface TerminalLine {
  /** Resolves once the worker has opened (or re-attached) the session. */
  readonly opened: Promise<void>;
  send(keys: string): void;
  /** Hangs up: no more updates reach the callbacks (the view is gone, or a new line replaces this one). */
  close(): void;
}

export function openSession(id: string, columns: number, rows: number, callbacks: SessionCallbacks): TerminalLine {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (event: MessageEvent<TerminalLineUpdate>) => callbacks.update(event.data[0], event.data[1]);
  return {
    opened: engineWorker().openSession(id, columns, rows, Comlink.transfer(port2, [port2])),
    send: (keys) => port1.postMessage(keys),
    close: () => port1.close(),
  };
}

export function watchEngine(onChange: (what: ChangeKind) => void): Promise<void> {
  return engineWorker().watch(Comlink.proxy(onChange));
}
