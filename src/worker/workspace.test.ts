import { describe, expect, it } from 'vitest';
import { MemFs } from '../os/memfs.js';
import { Workspace } from './workspace.js';

function make(): { fs: MemFs; ws: Workspace; tick: () => void } {
  let now = 1000;
  const fs = new MemFs({ now: () => now });
  return { fs, ws: new Workspace(fs, '/home/student/app'), tick: () => (now += 1000) };
}

describe('Workspace', () => {
  it('writes and reads files by workspace-relative path, creating folders', () => {
    const { ws, fs } = make();
    const result = ws.writeText('src/app.js', 'console.log(1)\n');
    expect(result.ok).toBe(true);
    expect(new TextDecoder().decode(fs.readFile('/home/student/app/src/app.js'))).toBe('console.log(1)\n');
    expect(ws.readText('./src//app.js')).toEqual({ ok: true, value: 'console.log(1)\n' });
    expect(ws.entries().map((e) => `${e.kind} ${e.path}`)).toEqual(['dir src', 'file src/app.js']);
  });

  it('refuses paths that leave the workspace, as data rather than a throw', () => {
    const { ws } = make();
    expect(ws.writeText('../escape', 'x')).toEqual({ ok: false, error: '../escape: path leaves the workspace' });
    expect(ws.readText('missing.txt')).toEqual({ ok: false, error: '/home/student/app/missing.txt: No such file or directory' });
  });

  it('notices changes made behind its back (the terminal) and bumps the version once', () => {
    const { ws, fs, tick } = make();
    const start = ws.version;
    expect(ws.refresh()).toBe(false);
    tick();
    fs.writeFile('/home/student/app/note.txt', 'hello\n');
    expect(ws.refresh()).toBe(true);
    expect(ws.version).toBe(start + 1);
    expect(ws.refresh()).toBe(false);
    tick();
    fs.writeFile('/home/student/app/note.txt', 'hello again\n');
    expect(ws.refresh()).toBe(true);
  });

  it('renames and removes trees, and refuses to rename over an existing path', () => {
    const { ws } = make();
    ws.writeText('a/b.txt', 'b');
    ws.writeText('c.txt', 'c');
    expect(ws.rename('a', 'd/e').ok).toBe(true);
    expect(ws.readText('d/e/b.txt')).toEqual({ ok: true, value: 'b' });
    expect(ws.rename('c.txt', 'd/e/b.txt')).toEqual({ ok: false, error: 'd/e/b.txt: already exists' });
    expect(ws.remove('d').ok).toBe(true);
    expect(ws.entries().map((e) => e.path)).toEqual(['c.txt']);
  });

  it('round-trips through files() and replace()', () => {
    const { ws } = make();
    ws.writeText('Dockerfile', 'FROM node\n');
    ws.writeText('public/index.html', '<h1>hi</h1>');
    ws.mkdir('empty');
    const files = ws.files();
    expect(files).toEqual({ Dockerfile: 'FROM node\n', 'public/index.html': '<h1>hi</h1>' });
    const other = make().ws;
    other.replace(files, ['empty']);
    expect(other.entries().map((e) => e.path)).toEqual(['Dockerfile', 'empty', 'public', 'public/index.html']);
  });
});
