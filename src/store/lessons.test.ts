import { beforeEach, describe, expect, it } from 'vitest';
import type { LessonApi, LessonView } from '../worker/lessonProtocol.js';
import { useAppStore } from './index.js';
import { setLessonApiForTests } from './lessons.js';

const view: LessonView = {
  id: '01-x',
  title: 'X',
  summary: 's',
  version: 1,
  markdown: '# X',
  tasks: [],
  quiz: [],
  passed: 0,
  total: 1,
  complete: false,
};

/** A worker stand-in that remembers the open lesson, as the real one does. */
function fakeApi(): LessonApi & { calls: string[] } {
  let current: LessonView | undefined;
  const calls: string[] = [];
  return {
    calls,
    listLessons: async () => [{ id: '01-x', title: 'X', summary: 's', version: 1, passed: current ? 1 : 0, total: 1, complete: false }],
    currentLesson: async () => current,
    openLesson: async (id) => {
      calls.push(`open ${id}`);
      if (id === 'nope') return { ok: false, error: 'no lesson called nope' };
      current = id ? view : undefined;
      return { ok: true, value: current };
    },
    resetLesson: async () => ({ ok: true, value: view }),
    showHint: async () => ({ ok: false, error: 'task t has no more hints' }),
    answerQuiz: async () => ({ ok: true, value: view }),
    solution: async () => ({ ok: true, value: { commands: ['docker ps -a'], filesAfter: 0, files: [] } }),
    applySolutionFiles: async () => ({ ok: true, value: undefined }),
    undoInfo: async () => ({ available: current !== undefined, command: 'docker rm web' }),
    undo: async () => ({ ok: true, value: 'undone' }),
    exportProgress: async () => '{}',
    importProgress: async () => ({ ok: false, error: 'not a progress file' }),
  };
}

const initial = useAppStore.getState();

describe('lessons slice', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('opens a lesson, switches to lesson mode and pulls the list with progress', async () => {
    const api = fakeApi();
    setLessonApiForTests(api);
    expect(await useAppStore.getState().openLesson('01-x')).toEqual({ ok: true, value: undefined });
    const state = useAppStore.getState();
    expect(state.mode).toBe('lesson');
    expect(state.lesson?.id).toBe('01-x');
    expect(state.lessons[0].passed).toBe(1);
    expect(state.undo).toEqual({ available: true, command: 'docker rm web' });
    await useAppStore.getState().openLesson(undefined);
    expect(useAppStore.getState()).toMatchObject({ mode: 'sandbox', lesson: undefined });
  });

  it('keeps a failed action’s message instead of throwing, and clears it on the next success', async () => {
    setLessonApiForTests(fakeApi());
    expect(await useAppStore.getState().openLesson('nope')).toEqual({ ok: false, error: 'no lesson called nope' });
    expect(useAppStore.getState().lessonError).toBe('no lesson called nope');
    expect(useAppStore.getState().mode).toBe('sandbox');
    await useAppStore.getState().openLesson('01-x');
    expect(useAppStore.getState().lessonError).toBeUndefined();
  });

  it('drops the solution diff when the lesson changes', async () => {
    setLessonApiForTests(fakeApi());
    await useAppStore.getState().openLesson('01-x');
    await useAppStore.getState().loadSolution();
    expect(useAppStore.getState().solution?.commands).toEqual(['docker ps -a']);
    await useAppStore.getState().openLesson(undefined);
    expect(useAppStore.getState().solution).toBeUndefined();
  });

  it('refreshUndo pulls only the undo info (the UI calls it on every engine change)', async () => {
    const api = fakeApi();
    setLessonApiForTests(api);
    await api.openLesson('01-x');
    await useAppStore.getState().refreshUndo();
    expect(useAppStore.getState().undo).toEqual({ available: true, command: 'docker rm web' });
    expect(useAppStore.getState().lesson).toBeUndefined();
  });
});
