import { describe, expect, it } from 'vitest';
import { MemoryStore, lessonHost, terminal, until } from './testing/harness.js';

const L1 = '01-containers-vs-images';

describe('the lesson index', () => {
  it('lists the lessons without loading them (the runtime chunk is not needed for the list)', async () => {
    await expect(lessonHost({ lessonsFail: true }).listLessons()).rejects.toThrow('Failed to fetch');
    const host = lessonHost({ lessonsFail: true, index: true });
    const list = await host.listLessons();
    expect(list.length).toBeGreaterThanOrEqual(16);
    expect(list[0]).toEqual({ id: L1, title: 'Containers vs images', summary: expect.any(String), version: 1, passed: 0, total: 3, complete: false });
  });

  it('gives the same list as the loaded lessons, progress and a broken lesson included', async () => {
    const store = new MemoryStore();
    const editTree = (tree: Record<string, string>): void => void (tree['99-broken/content.md'] = '---\ntitle: [unclosed\n---\nbody\n');
    const host = lessonHost({ store, editTree });
    const t = await terminal(host);
    await host.openLesson(L1);
    await t.run('docker run node');
    await host.openLesson(undefined);
    await until(() => store.saved?.version === 2 && store.current.active === 'sandbox' && store.current.progress[L1]?.passed.includes('run-node') === true, 'a save in the sandbox');

    const loaded = await lessonHost({ store, editTree }).listLessons();
    const indexed = await lessonHost({ store, editTree, index: true, lessonsFail: true }).listLessons();
    expect(indexed).toEqual(loaded);
    expect(indexed[0]).toMatchObject({ id: L1, passed: 2, total: 3 });
    expect(indexed.find((l) => l.id === '99-broken')?.error).toMatch(/^frontmatter: /);
  });
});
