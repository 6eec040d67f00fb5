/**
 * The engine worker: the only place that speaks comlink on the worker side.
 * It holds the SlipwayHost (engine, workspace, sessions) and exposes it.
 */
import * as Comlink from 'comlink';
import { CryptoIds, RealClock } from './host/realClock.js';
import { IdbStateStore } from './idbStore.js';
import { SlipwayHost, type StateStore } from './SlipwayHost.js';
import type { TerminalLineUpdate, WorkerApi } from './protocol.js';
import { seedWorkspace } from './seed.js';
import './runtimeAssets.js';

// Load-budget marks (PRODUCT.md §7), read by `npm run bench:web`: modules evaluated, host built, state restored.
performance.mark('worker-modules-ready');

function openStore(): StateStore {
  try {
    return new IdbStateStore();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The app keeps working without storage; boot() reports why.
    return {
      load: () => Promise.reject(new Error(reason)),
      save: () => Promise.reject(new Error(reason)),
      clear: () => Promise.resolve(),
    };
  }
}

const host = new SlipwayHost({
  clock: new RealClock(),
  ids: new CryptoIds(),
  defer: (task) => setTimeout(task, 0),
  later: (task, ms) => setTimeout(task, ms),
  store: openStore(),
  seed: seedWorkspace,
  // Built from the bundled lessons by vite.config.ts: the lesson list without the lesson runtime.
  lessonIndex: () => import('virtual:slipway-lesson-index').then((index) => index.default),
});
performance.mark('worker-host-ready');
void host.boot().then(() => performance.mark('worker-booted'));

// Comlink proxies every call; methods must be reachable on the exposed object.
const api: WorkerApi = {
  boot: () => host.boot(),
  ping: () => host.ping(),
  flush: () => host.flush(),
  openSession: (id, columns, rows, line) => {
    line.onmessage = (event: MessageEvent<string>) => void host.input(id, event.data);
    return host.openSession(id, columns, rows, { update: (text, states) => line.postMessage([text, states] satisfies TerminalLineUpdate) });
  },
  input: (id, data) => host.input(id, data),
  resize: (id, columns, rows) => host.resize(id, columns, rows),
  closeSession: (id) => host.closeSession(id),
  listWorkspace: () => host.listWorkspace(),
  readFile: (path) => host.readFile(path),
  writeFile: (path, text) => host.writeFile(path, text),
  mkdir: (path) => host.mkdir(path),
  rename: (from, to) => host.rename(from, to),
  remove: (path) => host.remove(path),
  lintDockerfile: (text) => host.lintDockerfile(text),
  engineView: (limit) => host.engineView(limit),
  inspectContainer: (id) => host.inspectContainer(id),
  watch: (onChange) => host.watch(onChange),
  storageProblem: () => host.storageProblem(),
  preview: (port, request) => host.preview(port, request),
  resetEverything: () => host.resetEverything(),
  listLessons: () => host.listLessons(),
  currentLesson: () => host.currentLesson(),
  openLesson: (id) => host.openLesson(id),
  resetLesson: () => host.resetLesson(),
  showHint: (taskId) => host.showHint(taskId),
  answerQuiz: (quizId, choices) => host.answerQuiz(quizId, choices),
  solution: () => host.solution(),
  applySolutionFiles: () => host.applySolutionFiles(),
  undoInfo: () => host.undoInfo(),
  undo: () => host.undo(),
  exportProgress: () => host.exportProgress(),
  importProgress: (json) => host.importProgress(json),
};

Comlink.expose(api);
