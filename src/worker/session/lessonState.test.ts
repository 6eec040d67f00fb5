import { describe, expect, it } from 'vitest';
import { LessonWorld } from './lessonsCheck.js';
import { dockerfileFact, workspaceFiles } from './lessonState.js';
import { virtualTime } from '../../../scripts/lessons-disk.js';
import { MemFs } from '../../os/memfs.js';

describe('buildLessonState', () => {
  it('reads containers (ports, --rm, -t/-i, exit codes), images, the last build, the registry, files and commands', async () => {
    const world = new LessonWorld({ Dockerfile: 'FROM nginx\nCOPY index.html /usr/share/nginx/html/\n', 'index.html': '<h1>hi</h1>\n' }, virtualTime());
    await world.type([
      'docker build -t site:1.0 .',
      'docker run -d --name web -p 8080:80 --rm site:1.0',
      'docker run --name hello hello-world',
      'docker run -it --name shell busybox',
      '^P^Q',
      'docker rm nothing-here',
      'docker login -u student',
      'slipway',
      'docker tag site:1.0 student/site:1.0',
      'docker push student/site:1.0',
    ]);
    const state = world.state();
    const byName = Object.fromEntries(state.containers.map((c) => [c.name, c]));
    expect(byName.web).toMatchObject({ image: 'site:1.0', imageTags: expect.arrayContaining(['site:1.0']), state: 'running', autoRemove: true, ports: [{ host: 8080, container: 80, protocol: 'tcp' }] });
    expect(byName.hello).toMatchObject({ state: 'exited', exitCode: 0, autoRemove: false, ports: [] });
    expect(byName.shell).toMatchObject({ tty: true, openStdin: true, state: 'running' });
    expect(state.images.some((i) => i.repoTags.includes('student/site:1.0'))).toBe(true);
    expect(state.lastBuild).toMatchObject({ succeeded: true, tags: ['site:1.0'], imageId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(state.lastBuild?.steps).toContainEqual(expect.objectContaining({ index: 2, total: 2, instruction: 'COPY index.html /usr/share/nginx/html/', cached: false }));
    expect(state.registry).toEqual({ user: 'student', repos: { 'student/site': ['1.0'] } });
    expect(state.files).toEqual({ Dockerfile: expect.any(String), 'index.html': '<h1>hi</h1>\n' });
    expect(state.dockerfile?.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY']);
    // The password line was typed into `docker login`, not at the prompt.
    expect(state.commands.map((c) => [c.line, c.exitCode])).toEqual([
      ['docker build -t site:1.0 .', 0],
      ['docker run -d --name web -p 8080:80 --rm site:1.0', 0],
      ['docker run --name hello hello-world', 0],
      ['docker run -it --name shell busybox', 0],
      ['docker rm nothing-here', 1],
      ['docker login -u student', 0],
      ['docker tag site:1.0 student/site:1.0', 0],
      ['docker push student/site:1.0', 0],
    ]);
  });
});

describe('CommandLog', () => {
  it('records repeated lines, lines with a leading space and multi-line input, but not empty lines', async () => {
    const world = new LessonWorld({}, virtualTime());
    await world.type(['docker ps', '', 'docker ps', 'false', ' echo spaced', 'for i in 1 2; do', 'echo $i', 'done']);
    expect(world.log.entries).toEqual([
      { line: 'docker ps', exitCode: 0 },
      { line: 'docker ps', exitCode: 0 },
      { line: 'false', exitCode: 1 },
      { line: 'echo spaced', exitCode: 0 },
      { line: 'for i in 1 2; do echo $i; done', exitCode: 0 },
    ]);
  });
});

describe('dockerfileFact', () => {
  it('lists instructions with upper-case keywords and their argument text', () => {
    const { instructions } = dockerfileFact('from node\nCOPY --chown=1 package.json \\\n  /app\n');
    expect(instructions[0]).toEqual({ keyword: 'FROM', args: 'node', line: 1 });
    expect(instructions[1]).toMatchObject({ keyword: 'COPY', args: expect.stringMatching(/^--chown=1 package\.json\s+\/app$/), line: 2 });
  });

  it('reports a parse error instead of throwing', () => {
    expect(dockerfileFact('FROM node\nRUN <<EOF\n')).toEqual({ instructions: [], error: 'unterminated heredoc' });
  });
});

describe('workspaceFiles', () => {
  it('reads text files recursively, skipping node_modules', () => {
    const fs = new MemFs({ now: () => 0, uid: 1000, gid: 1000 });
    fs.mkdir('/w/public', { recursive: true });
    fs.mkdir('/w/node_modules/x', { recursive: true });
    fs.writeFile('/w/a.txt', 'a');
    fs.writeFile('/w/public/b.css', 'b');
    fs.writeFile('/w/node_modules/x/index.js', 'x');
    expect(workspaceFiles(fs, '/w')).toEqual({ 'a.txt': 'a', 'public/b.css': 'b' });
    expect(workspaceFiles(fs, '/missing')).toEqual({});
  });
});
