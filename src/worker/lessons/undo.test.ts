import { describe, expect, it } from 'vitest';
import { mayChangeEngine } from './undo.js';

describe('mayChangeEngine', () => {
  it('skips lines that cannot change the engine', () => {
    for (const line of ['ls -la', 'echo hello > file', 'cat Dockerfile', 'docker ps -a', 'docker images', 'docker logs -f web', 'docker image ls', 'docker container inspect web', 'docker --version', 'docker inspect --format "{{.Id}}" web']) {
      expect(mayChangeEngine(line), line).toBe(false);
    }
  });

  it('snapshots docker commands that change state, and anything composite', () => {
    for (const line of ['docker rm web', 'docker run -d nginx', 'docker image prune -a', 'docker container rm -f web', 'docker build -t app .', 'docker ps -aq | xargs docker rm', 'docker ps && docker rm x', 'sudo docker rm web', 'docker system prune']) {
      expect(mayChangeEngine(line), line).toBe(true);
    }
  });
});
