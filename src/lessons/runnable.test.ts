import { describe, expect, it } from 'vitest';
import { runnableCommands } from './runnable.js';

describe('runnableCommands', () => {
  it('takes every line of a ```sh run block, and `$ …` inline code', () => {
    const md = ['Intro `docker ps` is text, `$ docker ps -a` is clickable.', '', '```sh run', 'docker build .', '', 'docker images', '```', '```sh', 'docker not-clickable', '```', '~~~bash run', 'docker logs -f web', '~~~'].join('\n');
    expect(runnableCommands(md)).toEqual([
      { command: 'docker ps -a', line: 1 },
      { command: 'docker build .', line: 4 },
      { command: 'docker images', line: 6 },
      { command: 'docker logs -f web', line: 12 },
    ]);
  });

  it('ignores `$ ` inside non-runnable fences', () => {
    expect(runnableCommands('```text\n`$ docker ps`\n```')).toEqual([]);
  });
});
