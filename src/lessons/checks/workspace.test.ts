import { describe, expect, it } from 'vitest';
import { describeCheck, evaluateCheck } from './index.js';
import { stateWith } from '../testing/facts.js';
import type { DockerfileInstruction } from '../state.js';

const instructions: DockerfileInstruction[] = [
  { keyword: 'FROM', args: 'node:22 AS deps', line: 1 },
  { keyword: 'FROM', args: '--platform=linux/amd64 node', line: 2 },
  { keyword: 'WORKDIR', args: '/app', line: 3 },
  { keyword: 'COPY', args: 'package.json  /app', line: 4 },
  { keyword: 'RUN', args: 'npm install', line: 5 },
  { keyword: 'COPY', args: '. /app', line: 6 },
  { keyword: 'CMD', args: '["node", "server.js"]', line: 7 },
];
const state = stateWith({
  files: { Dockerfile: 'FROM node\n', 'public/index.html': '<h1>Hi there</h1>\n' },
  dockerfile: { instructions },
  commands: [
    { line: 'docker ps', exitCode: 0 },
    { line: 'docker rm web', exitCode: 1 },
    { line: '  docker logs -f web', exitCode: 130 },
  ],
});

describe('file', () => {
  it('checks existence, text and regex', () => {
    expect(evaluateCheck({ kind: 'file', path: './public/index.html', contains: 'Hi there' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'file', path: 'public/index.html', matches: '^<h1>.*</h1>$' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'file', path: 'public/index.html', contains: 'Bye' }, state).why).toBe('public/index.html does not contain "Bye"');
    expect(evaluateCheck({ kind: 'file', path: 'app.py' }, state).why).toBe('there is no file app.py in the workspace');
    expect(evaluateCheck({ kind: 'file', path: 'app.py', exists: false }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'file', path: 'Dockerfile', exists: false }, state).why).toBe('Dockerfile still exists');
  });
});

describe('dockerfileHas / dockerfileOrder / baseImage', () => {
  it('finds instructions by keyword and argument text, ignoring case and spacing', () => {
    expect(evaluateCheck({ kind: 'dockerfileHas', instruction: 'copy', args: 'package.json /app' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'dockerfileHas', instruction: 'CMD', args: 'server.js', last: true }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'dockerfileHas', instruction: 'RUN', args: 'npm install', last: true }, state).why).toBe('the Dockerfile does not end with `RUN npm install`');
    expect(evaluateCheck({ kind: 'dockerfileHas', instruction: 'EXPOSE' }, state).why).toBe('the Dockerfile has no `EXPOSE`');
  });

  it('checks the order of two instructions', () => {
    const order = { kind: 'dockerfileOrder', before: { instruction: 'COPY', args: 'package.json' }, after: { instruction: 'RUN', args: 'npm install' } };
    expect(evaluateCheck(order, state).pass).toBe(true);
    const reversed = { kind: 'dockerfileOrder', before: { instruction: 'RUN', args: 'npm install' }, after: { instruction: 'COPY', args: 'package.json' } };
    expect(evaluateCheck(reversed, state).why).toBe('`COPY package.json` comes before `RUN npm install`');
    expect(describeCheck(order)).toBe('the Dockerfile has `COPY package.json` before `RUN npm install`');
  });

  it('reads the base image of the final stage, skipping flags', () => {
    expect(evaluateCheck({ kind: 'baseImage', image: 'node:latest' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'baseImage', image: 'python' }, state).why).toBe('the Dockerfile builds FROM node, not python');
  });

  it('explains a missing or unparsable Dockerfile', () => {
    expect(evaluateCheck({ kind: 'baseImage', image: 'node' }, stateWith({})).why).toBe('the workspace has no Dockerfile');
    const broken = stateWith({ dockerfile: { instructions: [], error: 'unknown instruction: FORM' } });
    expect(evaluateCheck({ kind: 'dockerfileHas', instruction: 'FROM' }, broken).why).toBe('the Dockerfile does not parse: unknown instruction: FORM');
  });
});

describe('commandRan', () => {
  it('matches typed lines (trimmed) by regex', () => {
    expect(evaluateCheck({ kind: 'commandRan', pattern: '^docker logs -f\\b' }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'commandRan', pattern: '^docker attach', label: 'docker attach <name>' }, state).why).toBe('you have not run `docker attach <name>` yet');
  });

  it('checks exit codes and success', () => {
    expect(evaluateCheck({ kind: 'commandRan', pattern: '^docker rm', succeeded: false }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'commandRan', pattern: '^docker rm', exitCode: 1 }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'commandRan', pattern: '^docker rm', succeeded: true }, state).why).toBe('`^docker rm` exited with 1, not 0');
    expect(evaluateCheck({ kind: 'commandRan', pattern: '^docker ps', succeeded: false }, state).why).toBe('`^docker ps` succeeded; this task wants to see it fail');
    expect(describeCheck({ kind: 'commandRan', pattern: 'x', label: 'docker ps', succeeded: true })).toBe('you ran `docker ps` successfully');
  });
});

describe('all / any / not', () => {
  const yes = { kind: 'file', path: 'Dockerfile' };
  const no = { kind: 'file', path: 'nope.txt' };
  it('combine results and reasons', () => {
    expect(evaluateCheck({ kind: 'all', of: [yes, yes] }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'all', of: [yes, no] }, state).why).toBe('there is no file nope.txt in the workspace');
    expect(evaluateCheck({ kind: 'any', of: [no, yes] }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'any', of: [no, { kind: 'file', path: 'b' }] }, state).why).toMatch(/^none of the alternatives holds/);
    expect(evaluateCheck({ kind: 'not', check: no }, state).pass).toBe(true);
    expect(evaluateCheck({ kind: 'not', check: yes }, state).why).toBe('expected the opposite, but the workspace has a file Dockerfile');
  });

  it('describe their parts', () => {
    expect(describeCheck({ kind: 'all', of: [yes, { kind: 'not', check: no }] })).toBe('the workspace has a file Dockerfile; and it is not the case that the workspace has a file nope.txt');
  });

  it('reject unknown kinds at evaluation time too', () => {
    expect(() => evaluateCheck({ kind: 'nope' }, state)).toThrow(/unknown check kind: nope/);
  });
});
