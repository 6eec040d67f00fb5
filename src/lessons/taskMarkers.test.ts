import { describe, expect, it } from 'vitest';
import { loadLesson } from './lesson.js';
import { taskMarkerErrors, taskMarkers } from './taskMarkers.js';

describe('taskMarkers', () => {
  it('finds markers on their own line, outside code fences', () => {
    const md = ['Intro', '[task: run-node]', '', '  [task:list-all]  ', 'Text with [task: inline] in it is not a marker.', '```md', '[task: example]', '```', '    [task: indented-code]'].join('\n');
    expect(taskMarkers(md)).toEqual([
      { id: 'run-node', line: 2 },
      { id: 'list-all', line: 4 },
    ]);
  });

  it('reports unknown ids and a task marked twice, with content.md line numbers', () => {
    const md = '[task: a]\n\n[task: b]\n\n[task: a]\n';
    expect(taskMarkerErrors(md, ['a', 'b'])).toEqual(['line 5: [task: a] is already marked on line 1']);
    expect(taskMarkerErrors(md, ['a'], 10)).toEqual([
      'line 12: [task: b] names no task of this lesson (tasks: a)',
      'line 14: [task: a] is already marked on line 10',
    ]);
    expect(taskMarkerErrors('[task: a]\n', ['a', 'b'])).toEqual([]);
  });
});

describe('loadLesson with markers', () => {
  const content = (body: string): string => `---\ntitle: T\nversion: 1\nsummary: S\ntasks:\n  - id: login\n    title: A\n    check: { kind: loggedIn }\nsolution:\n  commands: [docker login]\n---\n${body}`;

  it('accepts markers naming the lesson\'s tasks', () => {
    expect(loadLesson('x', { 'content.md': content('Log in.\n[task: login]\n') }).ok).toBe(true);
  });

  it('rejects a marker with an unknown task id, pointing at its line', () => {
    expect(loadLesson('x', { 'content.md': content('Log in.\n\n[task: logn]\n') })).toEqual({
      ok: false,
      error: 'content.md line 14: [task: logn] names no task of this lesson (tasks: login)',
    });
  });
});
