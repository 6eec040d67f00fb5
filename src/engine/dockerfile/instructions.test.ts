import { describe, expect, it } from 'vitest';
import { DockerfileParseError, expandWord, parseDockerfile, parseInstructions, parseMount, resolveRunMounts, type Instruction, type RunInstruction } from './index.js';

const parse = (text: string) => parseInstructions(parseDockerfile(text));
const errorOf = (text: string): DockerfileParseError => {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof DockerfileParseError) return err;
    throw err;
  }
  throw new Error('no error');
};
const only = (text: string): Instruction => parse(`FROM scratch\n${text}\n`).stages[0].commands[0];

describe('instruction errors (BuildKit wording)', () => {
  const cases: [string, string][] = [
    ['FORM alpine', 'dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)'],
    ['FROM a\nrunn echo', 'dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)'],
    ['FROM a\nRunn echo', 'dockerfile parse error on line 2: unknown instruction: Runn (did you mean run?)'],
    ['FROM a\nFOOBAR x', 'dockerfile parse error on line 2: unknown instruction: FOOBAR'],
    ['FROM a b', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
    ['FROM a AS 1bad', 'dockerfile parse error on line 1: invalid name for build stage: "1bad", name can\'t start with a number or contain symbols'],
    ['FROM a\nCOPY x', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['FROM a\nCOPY x <<EOF\nhi\nEOF', 'dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination'],
    ['FROM a\nENV =x', 'dockerfile parse error on line 2: ENV names can not be blank'],
    ['FROM a\nARG =x', 'dockerfile parse error on line 2: ARG names can not be blank'],
    ['FROM a\nSHELL /bin/bash -c', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form'],
    ['FROM a\nSHELL []', 'dockerfile parse error on line 2: SHELL requires at least one argument'],
    ['FROM a\nWORKDIR', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument'],
    ['FROM a\nEXPOSE', 'dockerfile parse error on line 2: EXPOSE requires at least one argument'],
    ['FROM a\nCOPY --fron=x a b', 'dockerfile parse error on line 2: unknown flag: fron (did you mean from?)'],
    ['FROM a\nCOPY --xyzzy a b', 'dockerfile parse error on line 2: unknown flag: xyzzy'],
    ['FROM a\nCOPY --from=a --from=b a b', 'dockerfile parse error on line 2: duplicate flag specified: from'],
    ['FROM a\nCOPY --from a b', 'dockerfile parse error on line 2: missing a value on flag: from'],
    ['FROM a\nCOPY --link=maybe a b', 'dockerfile parse error on line 2: expecting boolean value for flag link, not: maybe'],
    ['FROM a\nONBUILD ONBUILD RUN x', "dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"],
    ['FROM a\nONBUILD FROM x', "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger"],
    ['FROM a\nHEALTHCHECK NONE x', 'dockerfile parse error on line 2: HEALTHCHECK NONE takes no arguments'],
    ['FROM a\nHEALTHCHECK CMD', 'dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD'],
    ['FROM a\nHEALTHCHECK CONNECT TCP 7000', 'dockerfile parse error on line 2: Unknown type "CONNECT" in HEALTHCHECK (try CMD)'],
    ['FROM a\nHEALTHCHECK --interval=1us CMD x', 'dockerfile parse error on line 2: Interval "interval" cannot be less than 1ms'],
    ['FROM a\nHEALTHCHECK --retries=-1 CMD x', 'dockerfile parse error on line 2: --retries cannot be negative (-1)'],
    ['FROM a\nRUN --mount=from=$X,target=/x x', "dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead"],
    ['FROM a\nRUN --network=wifi x', 'dockerfile parse error on line 2: unsupported network mode "wifi"'],
    ['RUN echo hi', 'no build stage in current context'],
  ];
  for (const [text, message] of cases) {
    it(message, () => expect(errorOf(text).message).toBe(message));
  }
  it('carries the instruction line range', () => {
    const err = errorOf('FROM a\n\nRUN --bogus \\\n  echo');
    expect([err.startLine, err.endLine]).toEqual([3, 4]);
  });
});

describe('typed instructions', () => {
  it('groups stages and meta args', () => {
    const r = parse('ARG V=1\nFROM alpine:$V AS Build\nRUN x\nFROM scratch\nCOPY --from=build /a /b\n');
    expect(r.metaArgs[0].args).toEqual([{ key: 'V', value: '1', comment: '' }]);
    expect(r.stages.map((s) => [s.baseName, s.name, s.originalName, s.commands.length])).toEqual([
      ['alpine:$V', 'build', 'Build', 1],
      ['scratch', '', '', 1],
    ]);
  });
  it('ENV and LABEL pairs, legacy form flagged', () => {
    expect(only('ENV A=1 B="two words"')).toMatchObject({ env: [{ key: 'A', value: '1' }, { key: 'B', value: '"two words"' }], legacy: false });
    expect(only('ENV PATH /usr/bin:$PATH')).toMatchObject({ env: [{ key: 'PATH', value: '/usr/bin:$PATH' }], legacy: true });
  });
  it('RUN shell and exec forms, mounts', () => {
    expect(only('RUN echo hi')).toMatchObject({ cmdLine: ['echo hi'], prependShell: true });
    expect(only('RUN ["echo", "hi"]')).toMatchObject({ cmdLine: ['echo', 'hi'], prependShell: false });
    const run = only('RUN --mount=type=cache,target=/root/.npm --network=none npm ci') as RunInstruction;
    expect(run).toMatchObject({ mountSpecs: ['type=cache,target=/root/.npm'], network: 'none', flagsUsed: ['mount', 'network'] });
    expect(resolveRunMounts(run)).toEqual([
      { type: 'cache', from: '', source: '', target: '/root/.npm', readOnly: false, id: '', sharing: '', required: false },
    ]);
  });
  it('RUN heredoc files', () => {
    const run = only('RUN <<EOF\necho hi\nEOF');
    expect(run).toMatchObject({ cmdLine: ['<<EOF'], files: [{ name: 'EOF', data: 'echo hi\n', chomp: false, expand: true }] });
  });
  it('COPY flags, JSON form, heredoc sources (chomped)', () => {
    expect(only('COPY --chown=1000:1000 --chmod=755 --link --parents --exclude=*.md --exclude=x a b /dst/')).toMatchObject({
      sourcePaths: ['a', 'b'], dest: '/dst/', chown: '1000:1000', chmod: '755', link: true, parents: true, exclude: ['*.md', 'x'],
    });
    expect(only('COPY ["a b", "/c d"]')).toMatchObject({ sourcePaths: ['a b'], dest: '/c d', json: true });
    expect(only("COPY <<-'EOF' /f\n\thello $X\nEOF")).toMatchObject({
      sourcePaths: [], sourceContents: [{ name: 'EOF', data: 'hello $X\n', expand: false }], dest: '/f',
    });
  });
  it('CMD/ENTRYPOINT, SHELL, EXPOSE sorted, VOLUME, USER, WORKDIR', () => {
    expect(only('CMD ["node", "app.js"]')).toMatchObject({ kind: 'CMD', cmdLine: ['node', 'app.js'], prependShell: false });
    expect(only('ENTRYPOINT exec top -b')).toMatchObject({ kind: 'ENTRYPOINT', cmdLine: ['exec top -b'], prependShell: true });
    expect(only('SHELL ["/bin/bash", "-c"]')).toMatchObject({ shell: ['/bin/bash', '-c'] });
    expect(only('EXPOSE 8080 80/udp 443')).toMatchObject({ ports: ['443', '80/udp', '8080'] });
    expect(only('VOLUME ["/data", "/logs"]')).toMatchObject({ volumes: ['/data', '/logs'] });
    expect(only('USER node')).toMatchObject({ user: 'node' });
    expect(only('WORKDIR /app')).toMatchObject({ path: '/app', original: 'WORKDIR /app', startLine: 2 });
  });
  it('HEALTHCHECK config in nanoseconds', () => {
    expect(only('HEALTHCHECK --interval=5s --timeout=3s --retries=3 CMD curl -f localhost')).toMatchObject({
      health: { test: ['CMD-SHELL', 'curl -f localhost'], interval: 5e9, timeout: 3e9, retries: 3 },
    });
    expect(only('HEALTHCHECK --start-period=0s --retries=0 CMD ["foo"]')).toMatchObject({ health: { test: ['CMD', 'foo'] } });
    expect(only('HEALTHCHECK NONE')).toMatchObject({ health: { test: ['NONE'] } });
  });
  it('ONBUILD keeps the trigger text', () => {
    expect(only('ONBUILD RUN <<EOF\necho\nEOF')).toMatchObject({ expression: 'RUN <<EOF\necho\nEOF' });
    expect(only('onbuild  COPY . /app')).toMatchObject({ expression: 'COPY . /app' });
  });
  it('ARG comments and stage descriptions', () => {
    const r = parse('# VERSION the version\nARG VERSION\n# build compiles\nFROM a AS build\n');
    expect(r.metaArgs[0].args[0].comment).toBe('the version');
    expect(r.stages[0].comment).toBe('compiles');
  });
});

describe('RUN --mount at dispatch (resolveRunMounts)', () => {
  const errors: [string, string][] = [
    ['type=foo,target=/x', 'unsupported mount type "foo"'],
    ['type=cahce,target=/x', 'unsupported mount type "cahce" (did you mean cache?)'],
    ['type=bind,target=/x,size=1m', "unexpected key 'size' for mount type 'bind'"],
    ['type=cache,target=/x,bogus=1', "unexpected key 'bogus' in 'bogus=1'"],
    ['type=cache,target=/x,sharing=nope', 'unsupported sharing value "nope"'],
    ['type=bind,target=/x,mode=0755', 'mode not allowed for "bind" type mounts'],
    ['type=secret', 'invalid secret mount. one of source, target required'],
    ['type=cache,target', "invalid field 'target' must be a key=value pair"],
    ['type=bind,target=/x,ro=maybe', 'invalid value for ro: maybe'],
  ];
  for (const [spec, message] of errors) {
    it(message, () => expect(() => parseMount(spec, (w) => w)).toThrow(message));
  }
  it('expands values and applies defaults', () => {
    expect(parseMount('type=secret,id=$ID,required', (w) => expandWord(w, { ID: 'npmrc' }))).toMatchObject({
      type: 'secret', id: 'npmrc', required: true, readOnly: true,
    });
    expect(parseMount('type=tmpfs,target=/t,size=64m', (w) => w)).toMatchObject({ readOnly: false, sizeLimit: 64 * 1024 * 1024 });
    expect(parseMount('target=/src,from=build,rw', (w) => w)).toMatchObject({ type: 'bind', from: 'build', readOnly: false });
  });
  it('parse time only checks from (BuildKit defers the rest to dispatch)', () => {
    expect(() => parse('FROM a\nRUN --mount=type=foo x\n')).not.toThrow();
  });
});
