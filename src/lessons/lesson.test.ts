import { describe, expect, it } from 'vitest';
import { lessonFolders, loadLesson } from './lesson.js';

const content = '---\ntitle: T\nversion: 1\nsummary: S\ntasks:\n  - id: a\n    title: A\n    check: { kind: loggedIn }\nsolution:\n  commands: [docker login]\n---\nBody\n';

describe('loadLesson', () => {
  it('splits the folder into frontmatter, body, starting files and solution files', () => {
    const result = loadLesson('01-x', { 'content.md': content, '_files/Dockerfile': 'FROM node\n', '_files/public/a.css': 'a', '_solution/Dockerfile': 'FROM python\n' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.meta.title).toBe('T');
    expect(result.lesson.body).toBe('Body\n');
    expect(result.lesson.files).toEqual({ Dockerfile: 'FROM node\n', 'public/a.css': 'a' });
    expect(result.lesson.solutionFiles).toEqual({ Dockerfile: 'FROM python\n' });
  });

  it('reports a missing content.md, broken frontmatter and schema errors with their path', () => {
    expect(loadLesson('x', {})).toEqual({ ok: false, error: 'no content.md' });
    expect(loadLesson('x', { 'content.md': 'no fence' })).toMatchObject({ ok: false, error: expect.stringMatching(/^frontmatter: content.md must start/) });
    const bad = content.replace('version: 1', 'version: one');
    expect(loadLesson('x', { 'content.md': bad })).toMatchObject({ ok: false, error: expect.stringMatching(/^frontmatter: version: /) });
  });
});

describe('lessonFolders', () => {
  it('finds lesson folders at any depth, in path order, skipping _files and _solution', () => {
    const tree = {
      '02-b/content.md': 'b',
      'part-1/01-a/content.md': 'a',
      'part-1/01-a/_files/content.md': 'not a lesson',
      '01-a/content.md': 'a0',
      '01-a/_files/x': 'x',
      'README.md': 'r',
    };
    expect(lessonFolders(tree).map((f) => f.id)).toEqual(['01-a', '02-b', 'part-1/01-a']);
    expect(lessonFolders(tree)[0].files).toEqual({ 'content.md': 'a0', '_files/x': 'x' });
  });
});
