import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../api.js';
import { BuildFailure } from '../BuildFailure.js';
import { harness } from '../testing/fixture.js';

function completedNames(events: readonly BuildEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'vertex' && e.vertex.completed !== undefined ? [`${e.vertex.cached ? 'CACHED ' : ''}${e.vertex.name}`] : []));
}

describe('instructions', () => {
  it('ARG in scope prefixes RUN history with |N and --build-arg misses only RUNs after it', async () => {
    const h = harness({ Dockerfile: 'FROM node\nARG MODE=dev\nWORKDIR /app\nRUN echo mode=$MODE\n' });
    const first = await h.build();
    const image = h.images.record(first.imageId)!;
    expect(image.config.history.map((e) => e.created_by).slice(2)).toEqual(['ARG MODE=dev', 'WORKDIR /app', 'RUN |1 MODE=dev /bin/sh -c echo mode=$MODE # buildkit']);
    expect(first.events.some((e) => e.type === 'log' && e.text === 'mode=dev\n')).toBe(true);
    // The vertex is named with the ARG expanded, as BuildKit's processCmdEnv does.
    expect(completedNames(first.events)).toContain('[3/3] RUN echo mode=dev');
    const second = await h.build({ buildArgs: { MODE: 'prod' } });
    expect(h.images.record(second.imageId)!.config.history.map((e) => e.created_by).slice(2)).toEqual(['ARG MODE=dev', 'WORKDIR /app', 'RUN |1 MODE=prod /bin/sh -c echo mode=$MODE # buildkit']);
    const steps = h.builder.lastBuild()!.steps;
    expect(steps.map((s) => s.cached)).toEqual([true, false]);
    expect(steps[1].reason).toEqual({ kind: 'env-changed' });
  });

  it('multi-stage: stage prefixes, COPY --from, --target', async () => {
    const dockerfile = [
      'FROM node AS build',
      'WORKDIR /src',
      'COPY out.txt .',
      'FROM node',
      'COPY --from=build /src/out.txt /app/',
      'CMD ["cat","/app/out.txt"]',
      '',
    ].join('\n');
    const h = harness({ Dockerfile: dockerfile, 'out.txt': 'built\n' });
    const { events, imageId } = await h.build();
    const names = completedNames(events);
    expect(names).toContain('[build 2/3] WORKDIR /src');
    expect(names).toContain('[build 3/3] COPY out.txt .');
    expect(names).toContain('[stage-1 2/2] COPY --from=build /src/out.txt /app/');
    const image = h.images.record(imageId)!;
    expect(new TextDecoder().decode(h.images.rootfs(image.layers).readFile('/app/out.txt'))).toBe('built\n');
    expect(image.config.history.at(-2)?.created_by).toBe('COPY /src/out.txt /app/ # buildkit');
    const target = await h.build({ target: 'build' });
    expect(completedNames(target.events).some((n) => n.includes('stage-1'))).toBe(false);
    expect(h.images.record(target.imageId)!.config.config.WorkingDir).toBe('/src');
  });

  it('ENTRYPOINT resets an inherited CMD; shell-form CMD uses SHELL; metadata fields', async () => {
    const h = harness({
      Dockerfile: 'FROM node\nENTRYPOINT ["node"]\nLABEL a=b "c d"=e\nUSER node\nVOLUME /data\nSTOPSIGNAL SIGQUIT\nSHELL ["/bin/bash","-c"]\nENV X=1 Y="two words"\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/\n',
    });
    const { imageId } = await h.build();
    const image = h.images.record(imageId)!;
    const c = image.config.config;
    expect(c.Entrypoint).toEqual(['node']);
    expect(c.Cmd).toBeNull();
    expect(c.Labels).toEqual({ a: 'b', 'c d': 'e' });
    expect(c.User).toBe('node');
    expect(c.Volumes).toEqual({ '/data': {} });
    expect(c.StopSignal).toBe('SIGQUIT');
    expect(c.Shell).toEqual(['/bin/bash', '-c']);
    expect(c.Env).toContain('Y=two words');
    expect(c.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'curl -f http://localhost/'], Interval: 30e9, Retries: 3 });
    expect(image.config.history.slice(2).map((e) => e.created_by)).toEqual([
      'ENTRYPOINT ["node"]',
      'LABEL a=b c d=e',
      'USER node',
      'VOLUME [/data]',
      'STOPSIGNAL SIGQUIT',
      'SHELL [/bin/bash -c]',
      'ENV X=1 Y=two words',
      `HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/"] "30s" "0s" "0s" "0s" '\\x03'}`,
    ]);
    expect(image.config.history.slice(2).every((e) => e.empty_layer === true)).toBe(true);
  });

  it('FROM scratch gets PATH and no FROM step', async () => {
    const h = harness({ Dockerfile: 'FROM scratch\nCOPY hello.txt /\n', 'hello.txt': 'hi' });
    const { events, imageId } = await h.build();
    expect(completedNames(events)).toContain('[1/1] COPY hello.txt /');
    expect(h.images.record(imageId)!.config.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  });

  it('COPY heredoc, --chmod, --chown and multiple sources', async () => {
    const h = harness({
      Dockerfile: 'FROM node\nWORKDIR /app\nCOPY <<EOF greeting.txt\nhello\nEOF\nCOPY --chown=node:node --chmod=755 a.sh b.sh ./bin/\n',
      'a.sh': 'echo a',
      'b.sh': 'echo b',
    });
    const { imageId } = await h.build();
    const image = h.images.record(imageId)!;
    const fs = h.images.rootfs(image.layers);
    expect(new TextDecoder().decode(fs.readFile('/app/greeting.txt'))).toBe('hello\n');
    expect(fs.stat('/app/bin/a.sh')).toMatchObject({ mode: 0o755, uid: 1000, gid: 1000 });
    expect(image.config.history.at(-1)?.created_by).toBe('COPY --chown=node:node --chmod=755 a.sh b.sh ./bin/ # buildkit');
  });

  it('COPY heredoc bodies: an unquoted delimiter expands the stage variables, a quoted one keeps them', async () => {
    const h = harness({
      Dockerfile: 'FROM node\nARG WHO=there\nENV NAME=world\nCOPY <<EOF /f\nhello $NAME "${WHO}" \\$HOME\nEOF\nCOPY <<"EOF" /g\nhello $NAME\nEOF\nADD <<\'EOF\' /h\nhi ${NAME}\nEOF\n',
    });
    const { imageId } = await h.build();
    const fs = h.images.rootfs(h.images.record(imageId)!.layers);
    const read = (p: string): string => new TextDecoder().decode(fs.readFile(p));
    expect(read('/f')).toBe('hello world "there" $HOME\n');
    expect(read('/g')).toBe('hello $NAME\n');
    expect(read('/h')).toBe('hi ${NAME}\n');
  });

  it('a changed ENV value misses the cache of an expanding COPY heredoc', async () => {
    const files = (v: string) => ({ Dockerfile: `FROM node\nENV V=${v}\nCOPY <<EOF /f\n$V\nEOF\n` });
    const h = harness(files('1'));
    await h.build();
    h.fs.writeFile('/workspace/Dockerfile', files('2').Dockerfile);
    const { imageId } = await h.build();
    expect(new TextDecoder().decode(h.images.rootfs(h.images.record(imageId)!.layers).readFile('/f'))).toBe('2\n');
  });

  it('several sources need a directory destination', async () => {
    const h = harness({ Dockerfile: 'FROM node\nCOPY a b /dest\n', a: '1', b: '2' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f).toBeInstanceOf(BuildFailure);
    expect(f.solveMessage).toBe('When using COPY with more than one source file, the destination must be a directory and end with a /');
  });

  it('meta ARG before FROM picks the base; other instructions before FROM fail', async () => {
    const h = harness({ Dockerfile: 'ARG BASE=node\nFROM ${BASE}\nRUN true\n' });
    const { events } = await h.build();
    expect(completedNames(events)).toContain('[internal] load metadata for docker.io/library/node:latest');
    h.fs.writeFile('/workspace/Dockerfile', 'RUN true\nFROM node\n');
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe('no build stage in current context');
  });

  it('a missing base image without a registry reports BuildKit not found', async () => {
    const h = harness({ Dockerfile: 'FROM nosuchimage\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.vertex).toBe('[internal] load metadata for docker.io/library/nosuchimage:latest');
    expect(f.solveMessage).toContain('failed to resolve source metadata for docker.io/library/nosuchimage:latest');
  });
});

describe('parse errors', () => {
  it('instruction errors carry BuildKit\'s "dockerfile parse error on line N" prefix', async () => {
    const h = harness({ Dockerfile: 'FROM node\nCOPY onlyone\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toMatch(/^dockerfile parse error on line 2: COPY requires at least two arguments/);
    expect(f.source?.startLine).toBe(2);
  });

  it('a Dockerfile with only ARGs has no stages', async () => {
    const h = harness({ Dockerfile: 'ARG A=1\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe('dockerfile contains no stages to build');
  });
});

describe('context and ownership', () => {
  it('<Dockerfile>.dockerignore takes precedence over .dockerignore', async () => {
    const h = harness({ 'Dockerfile.dev': 'FROM node\nCOPY . /app/\n', 'Dockerfile.dev.dockerignore': 'secret.txt\n', '.dockerignore': 'public.txt\n', 'secret.txt': 's', 'public.txt': 'p' });
    const { imageId } = await h.build({ dockerfile: '/workspace/Dockerfile.dev' });
    const fs = h.images.rootfs(h.images.record(imageId)!.layers);
    expect(fs.stat('/app/secret.txt')).toBeNull();
    expect(fs.stat('/app/public.txt')?.kind).toBe('file');
  });

  it('a file re-included under an excluded directory is copied with its directory (fuzz)', async () => {
    const h = harness({ Dockerfile: 'FROM node\nCOPY . /ctx\n', '.dockerignore': 'dir\n!dir/b.txt\n', 'dir/a.txt': 'a', 'dir/b.txt': 'b' });
    const { imageId } = await h.build();
    const fs = h.images.rootfs(h.images.record(imageId)!.layers);
    expect(fs.stat('/ctx/dir')?.kind).toBe('dir');
    expect(new TextDecoder().decode(fs.readFile('/ctx/dir/b.txt'))).toBe('b');
    expect(fs.stat('/ctx/dir/a.txt')).toBeNull();
  });

  it('FROM scratch with metadata before the first layer rebuilds, cached, to the same image ID (fuzz)', async () => {
    const h = harness({ Dockerfile: 'FROM scratch\nCMD ["cat", "/a.txt"]\nCOPY a.txt /a.txt\n', 'a.txt': 'A' });
    const first = await h.build();
    h.clock.advance(60_000);
    const second = await h.build();
    expect(h.builder.lastBuild()!.steps.every((s) => s.cached)).toBe(true);
    expect(second.imageId).toBe(first.imageId);
    const history = h.images.record(first.imageId)!.config.history;
    expect(history[0].created).toBe(history[1].created);
  });

  it('WORKDIR after USER creates the directory owned by that user', async () => {
    const h = harness({ Dockerfile: 'FROM node\nUSER node\nWORKDIR /home/node/app\n' });
    const { imageId } = await h.build();
    const fs = h.images.rootfs(h.images.record(imageId)!.layers);
    expect(fs.stat('/home/node/app')).toMatchObject({ kind: 'dir', uid: 1000, gid: 1000 });
  });
});

describe('RUN shell form runs the shell interpreter', () => {
  const logText = (events: readonly BuildEvent[], vertexName: string): string => {
    const vertex = events.find((e) => e.type === 'vertex' && e.vertex.name === vertexName);
    const id = vertex?.type === 'vertex' ? vertex.vertex.id : '';
    return events.flatMap((e) => (e.type === 'log' && e.vertexId === id ? [e.text] : [])).join('');
  };

  it('redirects, pipes, &&, cd and for loops write into the layer and print under the step', async () => {
    const run = 'RUN echo "x" > file && cat file | wc -l && cd /tmp && pwd && for i in 1 2 3; do echo n$i; done >> /app/list; cat /app/list | grep -c n';
    const h = harness({ Dockerfile: `FROM node\nWORKDIR /app\n${run}\nRUN pwd && ls /app | sort -r && echo oops >&2\n` });
    const { events, imageId } = await h.build();
    expect(logText(events, `[3/4] ${run}`)).toBe('1\n/tmp\n3\n');
    // cd lasts for one RUN only: the next step starts in WORKDIR again.
    expect(logText(events, '[4/4] RUN pwd && ls /app | sort -r && echo oops >&2')).toBe('/app\nlist\nfile\noops\n');
    const fs = h.images.rootfs(h.images.record(imageId)!.layers);
    expect(new TextDecoder().decode(fs.readFile('/app/file'))).toBe('x\n');
    expect(new TextDecoder().decode(fs.readFile('/app/list'))).toBe('n1\nn2\nn3\n');
  });

  it('the exit status is the last command\'s, like sh -c without -e', async () => {
    const ok = harness({ Dockerfile: 'FROM node\nRUN false; echo after\n' });
    expect((await ok.build()).imageId).toMatch(/^sha256:/);
    const failing = harness({ Dockerfile: 'FROM node\nRUN echo start && exit 3\n' });
    const f = (await failing.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe('process "/bin/sh -c echo start && exit 3" did not complete successfully: exit code: 3');
    expect(f.logs.map((l) => l.replace(/^\d\.\d{3} /, ''))).toEqual(['start']);
  });

  it('/dev/null exists during the step, as BuildKit mounts /dev, and stays out of the layer', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN cat /dev/null && wc -c < /dev/null && echo kept > /kept\n' });
    const { events, imageId } = await h.build();
    expect(events.some((e) => e.type === 'log' && e.text === '0\n')).toBe(true);
    const image = h.images.record(imageId)!;
    const layer = image.layers.at(-1)!;
    const fs = h.images.rootfs([layer]);
    expect(fs.stat('/kept')?.kind).toBe('file');
    expect(fs.stat('/dev/null')).toBeNull();
    expect(fs.stat('/dev')).toBeNull();
  });

  it('a heredoc RUN runs its body as a script', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN <<EOF\nset -e\nmkdir -p /out\nfor f in a b; do echo $f > /out/$f.txt; done\nEOF\n' });
    const { imageId } = await h.build();
    const fs = h.images.rootfs(h.images.record(imageId)!.layers);
    expect(new TextDecoder().decode(fs.readFile('/out/b.txt'))).toBe('b\n');
  });
});

describe('RUN exec form', () => {
  it('a missing executable fails with runc\'s exec error', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN ["nosuchtool","--flag"]\n' });
    const f = (await h.build().catch((e: unknown) => e)) as BuildFailure;
    expect(f.solveMessage).toBe(
      'process "nosuchtool --flag" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "nosuchtool": executable file not found in $PATH',
    );
  });
});

describe('ONBUILD', () => {
  it('stores triggers, then runs them first in a child build and does not pass them on', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nONBUILD COPY . /app\n', 'hello.txt': 'hi' });
    const parent = await h.build({ tags: ['mybase'] });
    expect(h.images.record(parent.imageId)!.config.config.OnBuild).toEqual(['COPY . /app']);
    expect(h.images.record(parent.imageId)!.config.history.at(-1)?.created_by).toBe('WORKDIR /app');
    h.fs.writeFile('/workspace/Dockerfile', 'FROM mybase\nCMD ["node"]\n');
    const child = await h.build({ tags: ['child'] });
    const names = completedNames(child.events);
    expect(names).toContain('[2/2] ONBUILD COPY . /app');
    const image = h.images.record(child.imageId)!;
    expect(image.config.config.OnBuild).toBeNull();
    expect(h.images.rootfs(image.layers).stat('/app/hello.txt')?.kind).toBe('file');
    // FROM is named before the triggers join the count (dockerfile2llb resolves the base first).
    expect(names.find((n) => n.includes('FROM'))).toMatch(/^\[1\/1\] FROM /);
  });

  it('every trigger counts in the step total, and the triggers run with the image\'s ENV', async () => {
    const h = harness({ Dockerfile: 'FROM node\nONBUILD ENV GREETING=hi\nONBUILD RUN echo $GREETING > /greeting\n' });
    await h.build({ tags: ['mybase'] });
    h.fs.writeFile('/workspace/Dockerfile', 'FROM mybase\nWORKDIR /app\n');
    const child = await h.build({ tags: ['child'] });
    expect(completedNames(child.events).filter((n) => /^\[\d/.test(n))).toEqual(['[1/2] FROM docker.io/library/mybase:latest', '[2/4] ONBUILD RUN echo hi > /greeting', '[3/4] WORKDIR /app']);
    const image = h.images.record(child.imageId)!;
    expect(new TextDecoder().decode(h.images.rootfs(image.layers).readFile('/greeting'))).toBe('hi\n');
    expect(image.config.config.Env).toContain('GREETING=hi');
  });

  it('a stage built FROM an earlier stage runs that stage\'s ONBUILD instructions', async () => {
    const dockerfile = 'FROM node AS base\nONBUILD RUN echo triggered > /t\nFROM base\nRUN cat /t\n';
    const h = harness({ Dockerfile: dockerfile });
    const { events, imageId } = await h.build();
    const names = completedNames(events).filter((n) => n.includes('stage-1'));
    expect(names).toEqual(['[stage-1 1/2] ONBUILD RUN echo triggered > /t', '[stage-1 2/2] RUN cat /t']);
    expect(events.some((e) => e.type === 'log' && e.text === 'triggered\n')).toBe(true);
    expect(h.images.record(imageId)!.config.config.OnBuild).toBeNull();
  });
});
