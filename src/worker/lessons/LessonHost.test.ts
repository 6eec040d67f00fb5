import { describe, expect, it } from 'vitest';
import type { ChangeKind } from '../protocol.js';
import { MemoryStore, lessonHost, terminal, until } from './testing/harness.js';

const L1 = '01-containers-vs-images';
const L11 = '11-deleting';

describe('lessons in the worker', () => {
  it('lists every shipped lesson, and a broken one with its error instead of failing the list', async () => {
    const host = lessonHost({ editTree: (tree) => void (tree['99-broken/content.md'] = '---\ntitle: [unclosed\n---\nbody\n') });
    const list = await host.listLessons();
    expect(list.length).toBeGreaterThanOrEqual(17);
    expect(list[0]).toMatchObject({ id: L1, title: 'Containers vs images', passed: 0, total: 3, complete: false });
    expect(list[0].error).toBeUndefined();
    const broken = list.find((l) => l.id === '99-broken');
    expect(broken?.error).toMatch(/^frontmatter: /);
    expect(await host.openLesson('99-broken')).toEqual({ ok: false, error: expect.stringContaining('cannot be opened: frontmatter:') });
    expect(await host.openLesson('nope')).toEqual({ ok: false, error: 'There is no lesson called "nope".' });
  });

  it('completes lesson 1 through a terminal: tasks tick live, progress is saved and survives a reload', async () => {
    const store = new MemoryStore();
    const host = lessonHost({ store });
    const changes: ChangeKind[] = [];
    await host.watch((what) => changes.push(what));
    const t = await terminal(host);
    const opened = await host.openLesson(L1);
    expect(opened.ok && opened.value?.tasks.map((task) => task.status)).toEqual(['fail', 'locked', 'locked']);
    expect((await host.currentLesson())?.tasks[0].why).toContain('No container has been created from the node image yet.');

    await t.run('docker run node');
    await until(() => changes.includes('lesson'), 'a lesson notice');
    await t.run('docker ps -a');
    await until(() => store.saved?.version === 2 && store.current.progress[L1]?.complete === true, 'saved progress');
    const view = await host.currentLesson();
    expect(view?.tasks.map((task) => task.status)).toEqual(['pass', 'pass', 'pass']);
    expect(view).toMatchObject({ passed: 3, total: 3, complete: true, next: '02-interactive-node' });
    expect(store.current.active).toBe(`lesson:${L1}`);
    expect(store.current.spaces[`lesson:${L1}`].commands).toEqual([
      { line: 'docker run node', exitCode: 0 },
      { line: 'docker ps -a', exitCode: 0 },
    ]);

    const next = lessonHost({ store });
    expect((await next.boot()).restored).toBe(true);
    expect((await next.currentLesson())?.complete).toBe(true);
    expect((await next.listLessons())[0]).toMatchObject({ id: L1, passed: 3, complete: true });
  });

  it('keeps each space’s files, containers and history apart, and open terminals follow a switch', async () => {
    const host = lessonHost();
    const t = await terminal(host);
    await t.run('echo mine > mine.txt');
    await t.run('docker run -d --name sandbox-web nginx');
    expect((await host.openLesson(L11)).ok).toBe(true);
    const names = async (): Promise<string[]> => (await host.engineView()).containers.map((c) => c.name).sort();
    expect(await names()).toEqual(['once', 'twice', 'web']);
    expect((await host.listWorkspace()).entries.map((e) => e.path)).not.toContain('mine.txt');
    expect(await t.run('docker ps --format "{{.Names}}"')).toContain('web');
    await t.run('docker rm once');

    expect((await host.openLesson(undefined)).ok).toBe(true);
    expect(await host.currentLesson()).toBeUndefined();
    expect(await names()).toEqual(['sandbox-web']);
    expect((await host.engineView()).containers[0].state).toBe('running');
    expect(await host.readFile('mine.txt')).toEqual({ ok: true, value: 'mine\n' });
    // The history is the sandbox's again: the lesson's `docker rm once` is not in it.
    expect(await t.run('history')).not.toContain('docker rm once');

    await host.openLesson(L11);
    expect(await names()).toEqual(['twice', 'web']);
  });

  it('refuses to switch while a command runs in a terminal', async () => {
    const host = lessonHost();
    const t = await terminal(host);
    await t.run('docker run -d --name web nginx');
    await host.input('t1', 'docker attach web\r');
    await until(() => t.status === 'running' || t.status === 'reading', 'the attached client');
    expect(await host.openLesson(L1)).toEqual({ ok: false, error: expect.stringContaining('still running in a terminal') });
    expect(await host.undo()).toEqual({ ok: false, error: expect.stringContaining('undo waits') });
  });

  it('undoes the engine changes of the last command (docker rm), restarting what was running', async () => {
    const host = lessonHost();
    const t = await terminal(host);
    await host.openLesson(L11);
    expect(await host.undoInfo()).toEqual({ available: false });
    await t.run('ls');
    expect(await host.undoInfo()).toEqual({ available: false });
    await t.run('docker rm -f once twice web');
    expect((await host.engineView()).containers).toEqual([]);
    await until(async () => (await host.currentLesson())?.tasks[0].status === 'pass', 'rm-several to pass');
    expect(await host.undoInfo()).toEqual({ available: true, command: 'docker rm -f once twice web' });
    const undone = await host.undo();
    expect(undone).toEqual({ ok: true, value: expect.stringContaining('Files in the workspace are not changed by undo.') });
    expect(undone.ok && undone.value).toContain('started again: web');
    const view = await host.engineView();
    expect(view.containers.map((c) => [c.name, c.state]).sort()).toEqual([
      ['once', 'exited'],
      ['twice', 'exited'],
      ['web', 'running'],
    ]);
    expect((await host.currentLesson())?.tasks[0].status).toBe('fail');
    expect(await host.undo()).toEqual({ ok: false, error: 'Nothing to undo: no command has changed the engine here yet.' });
  });

  it('opens graded hints one at a time and records quiz answers', async () => {
    const host = lessonHost();
    await host.openLesson(L1);
    const first = await host.showHint('run-node');
    expect(first.ok && first.value.tasks[0]).toMatchObject({ hintsShown: [expect.stringContaining('docker run')], moreHints: true });
    await host.showHint('run-node');
    expect(await host.showHint('run-node')).toEqual({ ok: false, error: expect.stringContaining('already shown') });
    expect(await host.showHint('nope')).toEqual({ ok: false, error: 'The lesson has no task "nope".' });
    expect(await host.answerQuiz('image-or-container', [0, 1])).toEqual({ ok: false, error: 'This question takes exactly one answer.' });
    const wrong = await host.answerQuiz('image-or-container', [0]);
    expect(wrong.ok && wrong.value.quiz[0]).toMatchObject({ answer: [0], correct: false });
    const right = await host.answerQuiz('image-or-container', [1]);
    expect(right.ok && right.value.quiz[0]).toMatchObject({ answer: [1], correct: true, explanation: expect.any(String) });
  });

  it('shows the solution as a diff without writing, and writes it only when asked', async () => {
    const host = lessonHost();
    await host.openLesson('03-building-an-image');
    const before = await host.readFile('Dockerfile');
    const solution = await host.solution();
    expect(solution.ok).toBe(true);
    if (!solution.ok) return;
    expect(solution.value.commands.length).toBeGreaterThan(0);
    const dockerfile = solution.value.files.find((f) => f.path === 'Dockerfile');
    expect(dockerfile?.current).toBe(before.ok ? before.value : undefined);
    expect(dockerfile?.solution).not.toBe(dockerfile?.current);
    expect(await host.readFile('Dockerfile')).toEqual(before);
    expect(await host.applySolutionFiles()).toEqual({ ok: true, value: undefined });
    expect(await host.readFile('Dockerfile')).toEqual({ ok: true, value: dockerfile?.solution });
  });

  it('resets a lesson to its start, keeping only the completion', async () => {
    const host = lessonHost();
    const t = await terminal(host);
    await host.openLesson(L11);
    await host.showHint('rm-running');
    await t.run('docker rm once');
    await host.writeFile('extra.txt', 'x');
    const reset = await host.resetLesson();
    expect(reset.ok && reset.value.tasks[1].hintsShown).toEqual([]);
    expect((await host.engineView()).containers.map((c) => c.name).sort()).toEqual(['once', 'twice', 'web']);
    expect((await host.listWorkspace()).entries.map((e) => e.path)).not.toContain('extra.txt');
    await host.openLesson(undefined);
    expect(await host.resetLesson()).toEqual({ ok: false, error: 'No lesson is open: this is the sandbox.' });
  });
});

describe('lesson progress and storage', () => {
  it('a changed lesson version resets that lesson’s progress and space', async () => {
    const store = new MemoryStore();
    const host = lessonHost({ store });
    const t = await terminal(host);
    await host.openLesson(L1);
    await t.run('docker run node');
    await host.openLesson(undefined);
    await until(() => store.saved?.version === 2 && store.current.progress[L1]?.passed.includes('run-node') === true && store.current.active === 'sandbox', 'a save');

    const bumped = lessonHost({ store, editTree: (tree) => void (tree[`${L1}/content.md`] = tree[`${L1}/content.md`].replace('version: 1', 'version: 2')) });
    const summary = (await bumped.listLessons()).find((l) => l.id === L1);
    expect(summary).toMatchObject({ version: 2, passed: 0, complete: false });
    await bumped.openLesson(L1);
    expect((await bumped.engineView()).containers).toEqual([]);
    expect((await bumped.currentLesson())?.tasks[0].status).toBe('fail');
  });

  it('exports progress as JSON that imports back, and rejects what is not a progress file', async () => {
    const host = lessonHost();
    await host.openLesson(L1);
    await host.showHint('run-node');
    await host.answerQuiz('image-or-container', [1]);
    const file = JSON.parse(await host.exportProgress());
    expect(file).toMatchObject({ format: 'slipway-progress', formatVersion: 1, lessons: { [L1]: { version: 1, hintsShown: { 'run-node': 1 }, quiz: { 'image-or-container': [1] } } } });

    const other = lessonHost();
    expect(await other.importProgress(JSON.stringify(file))).toEqual({ ok: true, value: 1 });
    await other.openLesson(L1);
    const view = await other.currentLesson();
    expect(view?.tasks[0].hintsShown.length).toBe(1);
    expect(view?.quiz[0]).toMatchObject({ answer: [1], correct: true });

    expect(await other.importProgress('{not json')).toEqual({ ok: false, error: expect.stringMatching(/^The file is not valid JSON/) });
    expect(await other.importProgress('{"hello": 1}')).toEqual({ ok: false, error: 'This is not a Slipway progress file (its "format" is not "slipway-progress").' });
    const damaged = { ...file, lessons: { [L1]: { ...file.lessons[L1], version: 'one' } } };
    expect(await other.importProgress(JSON.stringify(damaged))).toEqual({ ok: false, error: expect.stringMatching(/^The progress file is damaged: lessons\.01-containers-vs-images\.version: /) });
    // Another version's progress describes other tasks: it is skipped, not merged.
    const stale = { ...file, lessons: { [L1]: { ...file.lessons[L1], version: 7 } } };
    expect(await other.importProgress(JSON.stringify(stale))).toEqual({ ok: true, value: 0 });
  });

  it('boots into the saved sandbox when the saved lesson cannot be restored, and says why', async () => {
    const store = new MemoryStore();
    const space = (file: string) => ({ files: { [file]: 'x\n' }, dirs: [], history: [], commands: [] });
    store.saved = { version: 2, active: `lesson:${L1}`, spaces: { sandbox: space('sandbox.txt'), [`lesson:${L1}`]: { ...space('lesson.txt'), lessonVersion: 1 } }, progress: {} };
    const host = lessonHost({ store, lessonsFail: true });
    const info = await host.boot();
    expect(info.storageProblem).toMatch(/^The lesson could not be restored \(Failed to fetch dynamically imported module\); you are in the sandbox\.$/);
    expect(await host.currentLesson()).toBeUndefined();
    expect(await host.readFile('sandbox.txt')).toEqual({ ok: true, value: 'x\n' });
    // The lesson's space is kept for when the lessons load again.
    expect(Object.keys(host.savedState().spaces).sort()).toEqual([`lesson:${L1}`, 'sandbox']);
  });

  it('migrates a v1 save (before lessons) into the sandbox space, losing nothing', async () => {
    const store = new MemoryStore();
    const first = lessonHost({ store });
    const t = await terminal(first);
    await t.run('docker run -d --name web nginx');
    const engine = first.savedState().spaces['sandbox'].engine;
    store.saved = { version: 1, files: { 'app.py': 'print(1)\n' }, dirs: ['empty'], engine, history: ['docker run -d --name web nginx'] };

    const host = lessonHost({ store });
    expect(await host.boot()).toEqual({ restored: true, storageProblem: undefined });
    expect(await host.currentLesson()).toBeUndefined();
    expect(await host.readFile('app.py')).toEqual({ ok: true, value: 'print(1)\n' });
    expect((await host.listWorkspace()).entries).toContainEqual(expect.objectContaining({ path: 'empty', kind: 'dir' }));
    expect((await host.engineView()).containers.map((c) => c.name)).toEqual(['web']);
    expect(host.savedState()).toMatchObject({ version: 2, active: 'sandbox', spaces: { sandbox: { history: ['docker run -d --name web nginx'] } } });
  });
});
