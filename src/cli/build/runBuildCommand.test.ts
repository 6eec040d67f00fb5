import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../../engine/index.js';
import { harness, SEED_FILES, type Harness } from '../../engine/builder/testing/fixture.js';
import { CollectingOutput, SignalEmitter, emptyInput, inputFrom } from '../../os/streams.js';
import type { DockerContext } from '../context.js';
import { registerNodeRuntime } from '../../engine/runtimes/node/index.js';
import { runBuildCommand, type BuildCommandOptions } from './runBuildCommand.js';
import { ScreenTranscript } from '../../worker/session/ScreenTranscript.js';

const here = dirname(fileURLToPath(import.meta.url));

function golden(name: string, actual: string): void {
  const path = join(here, 'testdata', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function dockerCtx(h: Harness, terminal?: { columns: number }) {
  const stdout = new CollectingOutput();
  // At a terminal, stdout and stderr are one stream, as the shell passes them.
  const stderr = terminal ? stdout : new CollectingOutput();
  const signals = new SignalEmitter();
  const ctx = {
    stdin: emptyInput,
    stdout,
    stderr,
    signals,
    terminal: terminal ? { setRawMode: () => undefined, setEcho: () => undefined, columns: terminal.columns, rows: 24 } : undefined,
    env: new Map<string, string>(),
    cwd: '/workspace',
    fs: h.fs,
    clock: h.clock,
    engine: { builder: h.builder } as unknown as EngineApi,
  } satisfies DockerContext;
  return { ctx, stdout, stderr, signals };
}

const base: BuildCommandOptions = { context: '.', tags: ['myapp'], noCache: false, pull: false, progress: 'plain', quiet: false, buildArgs: {} };

describe('runBuildCommand', () => {
  it('plain progress for the seed Dockerfile (golden)', async () => {
    const h = harness(SEED_FILES);
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(0);
    golden('plain-seed.txt', stderr.text);
  });

  it('tty final frame for a fully cached rebuild (golden)', async () => {
    const h = harness(SEED_FILES);
    await runBuildCommand(base, dockerCtx(h).ctx);
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand({ ...base, progress: 'tty' }, ctx)).toBe(0);
    golden('tty-cached.txt', stderr.text);
    expect(stderr.text).toContain(' => CACHED [2/4] WORKDIR /app');
    for (const line of stderr.text.split('\n').filter((l) => l !== '')) expect(line.length).toBe(79);
  });

  it('-q prints only the image ID on stdout', async () => {
    const h = harness(SEED_FILES);
    const { ctx, stdout, stderr } = dockerCtx(h);
    expect(await runBuildCommand({ ...base, quiet: true }, ctx)).toBe(0);
    expect(stdout.text).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(stderr.text).toBe('');
  });

  it('a missing COPY source prints the error block, snippet and ERROR line (golden)', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nCOPY app.js .\nCMD node app.js\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(1);
    golden('plain-missing-copy.txt', stderr.text);
    expect(stderr.text).toMatch(/ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref [a-z0-9]{25}::[a-z0-9]{25}: "\/app.js": not found\n$/);
  });

  it('a failing RUN shows its logs and exit code in tty mode (golden)', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nRUN npm install\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand({ ...base, progress: 'tty' }, ctx)).toBe(1);
    golden('tty-run-failure.txt', stderr.text);
  });

  it('a parse error prints the snippet and the parser message', async () => {
    const h = harness({ Dockerfile: 'FROM node\nWORKDIR /app\nFORM x\nCMD ["node"]\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(1);
    expect(stderr.text).toContain(
      'Dockerfile:3\n--------------------\n   1 |     FROM node\n   2 |     WORKDIR /app\n   3 | >>> FORM x\n   4 |     CMD ["node"]\n   5 |     \n--------------------\nERROR: failed to build: failed to solve: dockerfile parse error on line 3: unknown instruction: FORM (did you mean FROM?)\n',
    );
  });

  it('lint warnings are summarised after the build', async () => {
    const h = harness({ ...SEED_FILES, Dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nCMD node server.js\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(0);
    expect(stderr.text).toMatch(/\n 1 warning found \(use docker --debug to expand\):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals \(line 4\)\n$/);
  });

  it('validates the context path and tags', async () => {
    const h = harness(SEED_FILES);
    let io = dockerCtx(h);
    expect(await runBuildCommand({ ...base, context: 'nope' }, io.ctx)).toBe(1);
    expect(io.stderr.text).toBe('ERROR: failed to build: unable to prepare context: path "nope" not found\n');
    io = dockerCtx(h);
    expect(await runBuildCommand({ ...base, tags: ['MyApp'] }, io.ctx)).toBe(1);
    expect(io.stderr.text).toBe('ERROR: failed to build: invalid tag "MyApp": repository name must be lowercase\n');
  });

  it('shell-form RUN of a missing command: sh says not found, the step fails with exit code 127', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN nosuch\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(1);
    const text = stderr.text;
    expect(text).toMatch(/\n#5 \[2\/2\] RUN nosuch\n#5 \d\.\d{3} \/bin\/sh: 1: nosuch: not found\n#5 ERROR: process "\/bin\/sh -c nosuch" did not complete successfully: exit code: 127\n\n------\n > \[2\/2\] RUN nosuch:\n\d\.\d{3} \/bin\/sh: 1: nosuch: not found\n------\n/);
    expect(text).toContain('Dockerfile:2\n--------------------\n   1 |     FROM node\n   2 | >>> RUN nosuch\n');
    expect(text.endsWith('ERROR: failed to build: failed to solve: process "/bin/sh -c nosuch" did not complete successfully: exit code: 127\n')).toBe(true);
    expect(h.builder.lastBuild()?.imageId).toBeUndefined();
  });

  it('exec-form RUN of a missing executable fails with runc\'s exec error and no step output', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN ["nosuch"]\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(1);
    const message = 'process "nosuch" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH';
    expect(stderr.text).toContain(`#5 [2/2] RUN ["nosuch"]\n#5 ERROR: ${message}\n\n------\n > [2/2] RUN ["nosuch"]:\n------\n`);
    expect(stderr.text.endsWith(`ERROR: failed to build: failed to solve: ${message}\n`)).toBe(true);
  });

  it('Ctrl-C cancels a RUN that never ends: CANCELED, the cancel error, exit 130, no image', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN echo waiting && sleep 1000\n' });
    const { ctx, stderr, signals } = dockerCtx(h);
    let settled = false;
    const done = runBuildCommand(base, ctx).finally(() => (settled = true));
    await h.clock.sleep(600_000);
    expect(settled).toBe(false);
    expect(stderr.text).toMatch(/#5 \[2\/2\] RUN echo waiting && sleep 1000\n#5 0\.\d{3} waiting\n$/);
    signals.emit('SIGINT');
    expect(await done).toBe(130);
    expect(stderr.text).toMatch(/#5 0\.\d{3} waiting\n#5 CANCELED\n\nERROR: failed to build: failed to solve: Canceled: context canceled\n$/);
    expect(stderr.text).not.toContain('------');
    expect(stderr.text).not.toContain('exporting to image');
    expect(h.builder.lastBuild()?.canceled).toBe(true);
    expect(h.builder.lastBuild()?.imageId).toBeUndefined();
    expect(h.images.tags.has('myapp:latest')).toBe(false);
  });
});

/** Polls across macrotasks: the QuickJS runtime loads in real time, outside the virtual clock. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  if (!condition()) throw new Error('condition not reached');
}

describe('RUN node server.js during a build', () => {
  const files = {
    Dockerfile: 'FROM node\nWORKDIR /app\nCOPY server.js .\nRUN node server.js\nCMD ["node","server.js"]\n',
    'server.js': "require('http').createServer((req, res) => res.end('hi')).listen(3000, () => console.log('listening on 3000'));\n",
  };

  it('plain: the server output shows under the step, the build hangs, Ctrl-C cancels it', async () => {
    const h = harness(files, (programs) => registerNodeRuntime(programs));
    const { ctx, stderr, signals } = dockerCtx(h);
    let settled = false;
    const done = runBuildCommand(base, ctx).finally(() => (settled = true));
    await until(() => stderr.text.includes('listening on 3000'));
    await h.clock.sleep(120_000);
    expect(settled).toBe(false);
    expect(stderr.text).toMatch(/#8 \[4\/4\] RUN node server\.js\n#8 \d\.\d{3} listening on 3000\n$/);
    signals.emit('SIGINT');
    expect(await done).toBe(130);
    expect(stderr.text).toMatch(/listening on 3000\n#8 CANCELED\n\nERROR: failed to build: failed to solve: Canceled: context canceled\n$/);
    expect(h.builder.lastBuild()?.canceled).toBe(true);
    expect(h.images.images.size).toBe(1);
  });

  it('tty: the live frame shows the step\'s log lines; the final frame shows it CANCELED', async () => {
    const h = harness(files, (programs) => registerNodeRuntime(programs));
    const { ctx, stderr, signals } = dockerCtx(h, { columns: 80 });
    const done = runBuildCommand({ ...base, progress: 'auto' }, ctx);
    await until(() => stderr.text.includes(' => => # listening on 3000'));
    await h.clock.sleep(5_000);
    const live = stderr.text.slice(stderr.text.lastIndexOf('[+] Building'));
    expect(live).toMatch(/ => \[4\/4\] RUN node server\.js +\d+\.\ds\x1b\[K\n => => # listening on 3000\x1b\[K\n$/);
    signals.emit('SIGINT');
    expect(await done).toBe(130);
    const text = stderr.text;
    const final = text.slice(text.lastIndexOf('[+] Building'));
    expect(final).toContain('\x1b[33m => CANCELED [4/4] RUN node server.js');
    expect(final).not.toContain('=> => # ');
    expect(final.endsWith('\nERROR: failed to build: failed to solve: Canceled: context canceled\n')).toBe(true);
  });
});

describe('build checks from the Dockerfile linter', () => {
  it('summarises several warnings with the plural form', async () => {
    const h = harness({ Dockerfile: 'FROM node as build\nMAINTAINER me\nCMD node app.js\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand(base, ctx)).toBe(0);
    const summary = stderr.text.slice(stderr.text.indexOf('\n 3 warnings found'));
    expect(summary).toBe(
      "\n 3 warnings found (use docker --debug to expand):\n - FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)\n - MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)\n",
    );
  });
});

describe('live tty display', () => {
  it('redraws in place with cursor-up while running and ends on the colored final frame', async () => {
    const h = harness(SEED_FILES);
    const { ctx, stderr } = dockerCtx(h, { columns: 100 });
    expect(await runBuildCommand({ ...base, progress: 'auto' }, ctx)).toBe(0);
    const text = stderr.text;
    expect(text).toMatch(/\x1b\[\d+A\r/);
    expect(text).toContain('=> => # added 69 packages');
    const lastFrame = text.slice(text.lastIndexOf('[+] Building'));
    expect(lastFrame).toMatch(/^\[\+\] Building \d+\.\d+s \(9\/9\) FINISHED {2,}docker:default\x1b\[K\n/);
    expect(lastFrame).toContain('\x1b[34m => [4/4] RUN npm install');
    expect(lastFrame).not.toContain('=> => # ');
  });
});

describe('TtyDisplay', () => {
  it('keeps a running frame within the terminal height', async () => {
    const { TtyDisplay } = await import('./ttyDisplay.js');
    const out = new CollectingOutput();
    const display = new TtyDisplay(out, 80, true, () => 1000, 6);
    for (let i = 1; i <= 10; i++) display.apply({ type: 'vertex', vertex: { id: `v${i}`, name: `step ${i}`, started: 0, completed: i < 10 ? 0 : undefined } });
    const frames = out.text.split('[+] Building').slice(1);
    expect(frames.at(-1)!.split('\n').filter((l) => l !== '')).toHaveLength(5);
    display.finish();
    expect(out.text.slice(out.text.lastIndexOf('[+] Building')).split('\n').filter((l) => l !== '')).toHaveLength(11);
  });
});

describe('docker build -', () => {
  it('reads the Dockerfile from stdin with an empty context', async () => {
    const h = harness({});
    const io = dockerCtx(h);
    const ctx = { ...io.ctx, stdin: inputFrom('FROM node\nCMD ["node"]\n') };
    expect(await runBuildCommand({ ...base, context: '-', quiet: true }, ctx)).toBe(0);
    expect(io.stdout.text).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  });
});

describe('PlainPrinter', () => {
  it('reprints an unfinished status only after 5% progress or 5 s', async () => {
    const { PlainPrinter } = await import('./plainPrinter.js');
    const out = new CollectingOutput();
    let now = 0;
    const p = new PlainPrinter(out, () => now);
    p.apply({ type: 'vertex', vertex: { id: 'v', name: 'pull', started: 0 } });
    const status = (current: number, completed?: number) => p.apply({ type: 'status', vertexId: 'v', id: 's', name: 'sha256:abc', current, total: 1000, started: 0, completed });
    status(100);
    status(120);
    now = 6000;
    status(130);
    status(500);
    status(1000, 7000);
    expect(out.text.split('\n').filter((l) => l.startsWith('#1 sha256'))).toEqual([
      '#1 sha256:abc 100B / 1.00kB',
      '#1 sha256:abc 130B / 1.00kB',
      '#1 sha256:abc 500B / 1.00kB',
      '#1 sha256:abc 1.00kB / 1.00kB 7.0s done',
    ]);
  });
});

/** What a terminal finally shows after `text`, escapes replayed. */
function screen(text: string): string {
  const s = new ScreenTranscript();
  // The terminal's output path turns `\n` into `\r\n`.
  s.write(text.replaceAll('\n', '\r\n'));
  return s.takeAll();
}

describe('progress mode auto', () => {
  it('falls back to plain when there is no terminal (docker build . 2>&1 | cat)', async () => {
    const h = harness(SEED_FILES);
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand({ ...base, progress: 'auto' }, ctx)).toBe(0);
    expect(stderr.text).toMatch(/^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n/);
    expect(stderr.text).not.toContain('[+] Building');
  });

  it('falls back to plain when only stderr is redirected (docker build . 2>log)', async () => {
    const h = harness(SEED_FILES);
    const { ctx, stdout } = dockerCtx(h, { columns: 80 });
    const log = new CollectingOutput();
    expect(await runBuildCommand({ ...base, progress: 'auto' }, { ...ctx, stderr: log })).toBe(0);
    expect(log.text).toMatch(/^#0 building with "default" instance/);
    expect(log.text).not.toContain('\x1b[');
    expect(stdout.text).toBe('');
  });
});

describe('warnings in quiet modes', () => {
  const files = { ...SEED_FILES, Dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nCMD node server.js\n' };

  it('-q and --progress=quiet print only the image ID, no warning summary', async () => {
    for (const options of [{ ...base, quiet: true }, { ...base, progress: 'quiet' as const }]) {
      const h = harness(files);
      const { ctx, stdout, stderr } = dockerCtx(h);
      expect(await runBuildCommand(options, ctx)).toBe(0);
      expect(stdout.text).toMatch(/^sha256:[0-9a-f]{64}\n$/);
      expect(stderr.text).toBe('');
    }
  });

  it('--progress=rawjson prints no warning summary', async () => {
    const h = harness(files);
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand({ ...base, progress: 'rawjson' }, ctx)).toBe(0);
    expect(stderr.text).not.toContain('warning found');
  });

  it('a failing quiet build prints no warning summary either', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN exit 3\nCMD node app.js\n' });
    const { ctx, stderr } = dockerCtx(h);
    expect(await runBuildCommand({ ...base, quiet: true }, ctx)).toBe(1);
    expect(stderr.text).not.toContain('warning');
    expect(stderr.text).toContain('ERROR: failed to build:');
  });
});

describe('live tty display leaves only the final frame on screen', () => {
  it('a failing RUN: the vanished log rows are erased before the error block', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN echo hello; echo world; exit 2\n' });
    const { ctx, stderr } = dockerCtx(h, { columns: 80 });
    expect(await runBuildCommand({ ...base, progress: 'auto' }, ctx)).toBe(1);
    expect(stderr.text).toContain('=> => # hello');
    const shown = screen(stderr.text);
    expect(shown).not.toContain('# hello');
    expect(shown).toMatch(/ => ERROR \[2\/2\] RUN echo hello; echo world; exit 2 +\d\.\ds\n------\n > \[2\/2\] RUN echo hello; echo world; exit 2:\n\d\.\d{3} hello\n/);
  });

  it('Ctrl-C echoed below the frame does not leave a stale header', async () => {
    const h = harness({ Dockerfile: 'FROM node\nRUN echo waiting && sleep 1000\n' });
    const { ctx, stderr, signals } = dockerCtx(h, { columns: 80 });
    const done = runBuildCommand({ ...base, progress: 'auto' }, ctx);
    await h.clock.sleep(5_000);
    // The line discipline's echo, then the signal to the foreground job.
    stderr.write('^C\n');
    signals.emit('SIGINT');
    expect(await done).toBe(130);
    const shown = screen(stderr.text);
    expect(shown.match(/\[\+\] Building/g)).toHaveLength(1);
    expect(shown).toMatch(/^\[\+\] Building \d+\.\ds \(5\/5\) FINISHED +docker:default\n/);
    expect(shown).not.toContain('^C');
    expect(shown).toContain(' => CANCELED [2/2] RUN echo waiting && sleep 1000');
  });
});
