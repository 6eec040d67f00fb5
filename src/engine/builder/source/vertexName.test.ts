import { describe, expect, it } from 'vitest';
import { readDockerfile } from './readDockerfile.js';
import { vertexText } from './vertexName.js';

const vars = new Map([
  ['MODE', 'dev'],
  ['APP', '/srv/app'],
  ['EMPTY', ''],
]);

function name(line: string): string {
  return vertexText(readDockerfile(`FROM node\n${line}\n`)[1], vars);
}

describe('vertexText (processCmdEnv)', () => {
  it.each([
    ['RUN echo $MODE', 'RUN echo dev'],
    ['RUN echo "mode=${MODE}" \'$MODE\'', 'RUN echo "mode=dev" \'$MODE\''],
    ['RUN for i in 1 2; do echo $i $HOME; done', 'RUN for i in 1 2; do echo $i $HOME; done'],
    ['RUN echo ${UNSET} ${UNSET:-fallback} ${MODE:+set}', 'RUN echo ${UNSET} fallback set'],
    ['RUN echo $(date) $1 $$', 'RUN echo $(date) $1 $$'],
    ['RUN ["echo", "$MODE"]', 'RUN ["echo", "dev"]'],
    ['RUN echo \\$MODE', 'RUN echo $MODE'],
    ['RUN echo "unterminated', 'RUN echo "unterminated'],
    ['WORKDIR $APP', 'WORKDIR /srv/app'],
    ['WORKDIR "/x/$UNSET"', 'WORKDIR /x/'],
    ['COPY --chown=node:node . $APP/', 'COPY --chown=node:node . /srv/app/'],
    ['COPY "my file.txt" /dst/', 'COPY my file.txt /dst/'],
    ['run npm install', 'RUN npm install'],
  ])('%s → %s', (line, expected) => {
    expect(name(line)).toBe(expected);
  });

  it('summarises a heredoc RUN script after the name, as dispatchRun does', () => {
    expect(vertexText(readDockerfile('RUN <<EOF\nset -e\necho hi\nEOF\n')[0], vars)).toBe('RUN <<EOF (set -e...)');
    expect(vertexText(readDockerfile('RUN <<EOF\necho $MODE\nEOF\n')[0], vars)).toBe('RUN <<EOF (echo dev)');
    expect(vertexText(readDockerfile('RUN cat <<EOF > /x\nhi\nEOF\n')[0], vars)).toBe('RUN cat <<EOF > /x');
  });

  it('expands an ONBUILD trigger after its prefix', () => {
    const [ins] = readDockerfile('RUN echo $MODE\n');
    expect(vertexText({ ...ins, display: `ONBUILD ${ins.display}`, onbuild: true }, vars)).toBe('ONBUILD RUN echo dev');
  });
});
