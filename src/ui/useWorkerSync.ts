/**
 * Keeps the store in step with the worker: boots it, then pulls the engine
 * view and the workspace listing whenever the worker says they changed.
 */
import { useEffect } from 'react';
import { engineWorker, onEngineRestart, restartMessage, startHeartbeat, watchEngine } from '../worker/client.js';
import { useAppStore } from '../store/index.js';
import { afterFirstCommand } from './firstCommand.js';

let started = false;

async function refreshEngine(): Promise<void> {
  useAppStore.getState().setEngine(await engineWorker().engineView(useAppStore.getState().engineLimit));
}

let engineRefreshQueued = false;

/**
 * The notice after a command arrives right behind its output: pulling and
 * rendering the view at once put that work in front of xterm drawing the
 * output and of the next keystroke. It waits until the page is idle (at most
 * 300 ms), and notices meanwhile share one pull.
 */
function refreshEngineWhenIdle(): void {
  if (engineRefreshQueued) return;
  engineRefreshQueued = true;
  const run = (): void => {
    engineRefreshQueued = false;
    void refreshEngine();
    // Only the Undo button's label depends on it; a worker mid-restart answers on the next change.
    void useAppStore.getState().refreshUndo().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
  else setTimeout(run, 50);
}

async function refreshWorkspace(): Promise<void> {
  useAppStore.getState().setListing(await engineWorker().listWorkspace());
}

/** The lesson pane shows a failure to list lessons; the terminal and editor go on without it. */
async function refreshLessons(): Promise<void> {
  try {
    await useAppStore.getState().refreshLessons();
  } catch (error) {
    useAppStore.setState({ lessonError: `The lessons could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function start(fail: (error: unknown) => void): Promise<void> {
  const worker = engineWorker();
  const info = await worker.boot();
  if (info.storageProblem) useAppStore.getState().setBanner(info.storageProblem);
  else if (!info.restored) useAppStore.getState().setBanner(undefined);
  await watchEngine((what) => {
    if (what === 'engine') refreshEngineWhenIdle();
    else if (what === 'workspace') void refreshWorkspace();
    else if (what === 'lesson') void refreshLessons();
    else void worker.storageProblem().then((problem) => useAppStore.getState().setBanner(problem));
  });
  // React mounts after the first answer: a save that failed before this watcher existed told nobody.
  if (!info.storageProblem) {
    const problem = await worker.storageProblem();
    if (problem) useAppStore.getState().setBanner(problem);
  }
  // The file tree, engine view and lesson list wait for the first answer (or a moment with nobody typing): pulled
  // at boot, rendering them put two React passes of ~20 ms each between the prompt and the first command's answer.
  afterFirstCommand(LISTINGS_IDLE_MS, () => {
    Promise.all([refreshEngine(), refreshWorkspace(), refreshLessons()]).catch(fail);
  });
  if (navigator.storage?.persist) void navigator.storage.persist().catch(() => false);
}

/** With nobody typing, the listings come this long after the prompt: soon enough that the file tree is there when looked for. */
const LISTINGS_IDLE_MS = 300;

export function useWorkerSync(): void {
  useEffect(() => {
    // Once per page, StrictMode or not.
    if (started) return;
    started = true;
    const fail = (error: unknown): void => useAppStore.getState().setBanner(`The engine failed to start: ${error instanceof Error ? error.message : String(error)}`);
    start(fail).then(startHeartbeat, fail);
    onEngineRestart((reason) => {
      useAppStore.getState().setBanner(restartMessage(reason));
      start(fail).catch(fail);
    });
  }, []);
}

export { refreshEngine, refreshWorkspace };
