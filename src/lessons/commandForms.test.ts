/**
 * Issue 5, acceptance 2: between them, the shipped lessons use every command
 * form of the course notes, in a solution or in the text.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LESSONS = fileURLToPath(new URL('../../lessons/', import.meta.url));
const text = readdirSync(LESSONS)
  .filter((name) => /^\d\d-/.test(name))
  .map((name) => readFileSync(`${LESSONS}${name}/content.md`, 'utf8'))
  .join('\n');

const FORMS: Record<string, RegExp> = {
  'docker run node': /docker run node\b/,
  'docker ps -a': /docker ps -a\b/,
  'docker run -it node': /docker run -it node\b/,
  'docker build .': /docker build \.(\s|$|`)/m,
  'docker run <id>': /docker run (<id>|[0-9a-f]{12}\b|\$\(docker build -q \.\))/,
  'docker stop': /docker stop \S+/,
  '-p 3000:80': /-p 3000:80\b/,
  'docker start': /docker start \w/,
  '-d': /docker run -d\b/,
  'docker attach': /docker attach \S+/,
  'docker logs': /docker logs \w/,
  'docker logs -f': /docker logs -f \S+/,
  'docker start -a': /docker start -a \w/,
  'docker start -a -i': /docker start -a -i \S+/,
  'docker rm of several containers': /docker rm \w[\w-]* \w[\w-]*/,
  'docker images': /docker images\b/,
  'docker rmi': /docker rmi \S+/,
  'docker image prune': /docker image prune\s*$/m,
  'docker image prune -a': /docker image prune -a\b/,
  '--rm': /docker run [^\n]*--rm\b/,
  'docker image inspect': /docker image inspect \S+/,
  'docker cp into a container': /docker cp [\w./-]+ \w+:\//,
  'docker cp out of a container': /docker cp \w+:\/\S+ \S+/,
  '--name': /docker run [^\n]*--name \S+/,
  'docker build -t name:tag': /docker build -t [\w/-]+:[\w.]+ \./,
  'docker tag': /docker tag \S+ \S+/,
  'docker login': /docker login\b/,
  'docker push': /docker push \S+/,
};

describe('shipped lessons', () => {
  it.each(Object.entries(FORMS))('use %s', (_form, pattern) => {
    expect(text).toMatch(pattern);
  });
});
