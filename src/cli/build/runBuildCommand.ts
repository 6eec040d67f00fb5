/**
 * `docker build` (buildx): validates the context and tags, runs the engine's
 * build with Ctrl-C wired to cancel, and renders BuildKit's progress in the
 * chosen mode, then warnings, the error report and the exit code.
 */
import { isBuildFailure, type BuildEvent } from '../../engine/index.js';
import type { DockerContext } from '../context.js';
import { MemFs } from '../../os/memfs.js';
import { CancelSource, readAll } from '../../os/streams.js';
import type { Vfs } from '../../os/vfs.js';
import { errorLogBlock, finalErrorLine, sourceSnippet, warningSummary } from './errorReport.js';
import { PlainPrinter } from './plainPrinter.js';
import { tagError } from './tagValidation.js';
import { TtyDisplay } from './ttyDisplay.js';

export interface BuildCommandOptions {
  readonly context: string;
  readonly file?: string;
  readonly tags: readonly string[];
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly progress: 'auto' | 'tty' | 'plain' | 'quiet' | 'rawjson';
  readonly quiet: boolean;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target?: string;
}

function resolve(cwd: string, p: string): string {
  const joined = p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

interface Renderer {
  apply(event: BuildEvent): void;
  finish(): void;
  tick?(): void;
  /** Ctrl-C was typed at the terminal the display draws on. */
  interrupted?(): void;
  readonly warnings: readonly { rule: string; message: string; line: number }[];
}

function makeRenderer(mode: BuildCommandOptions['progress'], quiet: boolean, ctx: DockerContext): Renderer {
  const warnings: { rule: string; message: string; line: number }[] = [];
  if (quiet || mode === 'quiet') {
    return { apply: (e) => void (e.type === 'warning' && warnings.push(e)), finish: () => undefined, warnings };
  }
  if (mode === 'rawjson') {
    return { apply: (e) => ctx.stderr.write(`${JSON.stringify(e)}\n`), finish: () => undefined, warnings };
  }
  if (mode === 'plain') {
    const printer = new PlainPrinter(ctx.stderr, () => ctx.clock.now());
    printer.start();
    return { apply: (e) => printer.apply(e), finish: () => undefined, warnings: printer.model.warnings };
  }
  // buildx: auto is tty only when stderr is a console. An explicit tty without one prints only the final frame.
  const live = stderrIsTerminal(ctx);
  if (mode === 'auto' && !live) return makeRenderer('plain', quiet, ctx);
  const display = new TtyDisplay(ctx.stderr, ctx.terminal?.columns ?? 80, live, () => ctx.clock.now(), ctx.terminal?.rows);
  return {
    apply: (e) => display.apply(e),
    finish: () => display.finish(),
    tick: () => display.tick(),
    // The line discipline echoes Ctrl-C as `^C` plus a newline below the frame.
    interrupted: () => display.movedDown(1),
    warnings: display.model.warnings,
  };
}

/**
 * The shell hands a command `terminal` only while stdin and stdout are the
 * terminal, and the terminal's stderr is the very same stream as its stdout;
 * `2>file` or `2>&1 | …` replaces one of them.
 */
function stderrIsTerminal(ctx: DockerContext): boolean {
  return ctx.terminal !== undefined && ctx.stderr === ctx.stdout;
}

export async function runBuildCommand(options: BuildCommandOptions, ctx: DockerContext): Promise<number> {
  const fail = (message: string): number => {
    ctx.stderr.write(`ERROR: failed to build: ${message}\n`);
    return 1;
  };
  if (options.context === '-') return buildFromStdin(options, ctx);
  const contextDir = resolve(ctx.cwd, options.context);
  const st = ctx.fs.stat(contextDir);
  if (!st) return fail(`unable to prepare context: path ${JSON.stringify(options.context)} not found`);
  if (st.kind !== 'dir') return fail(`unable to prepare context: context must be a directory: ${contextDir}`);
  const dockerfile = options.file !== undefined ? resolve(ctx.cwd, options.file) : `${contextDir === '/' ? '' : contextDir}/Dockerfile`;
  return runBuild(options, ctx, ctx.fs, contextDir, dockerfile);
}

/** `docker build - < Dockerfile`: the Dockerfile comes from stdin and there is no context. */
async function buildFromStdin(options: BuildCommandOptions, ctx: DockerContext): Promise<number> {
  const fs = new MemFs();
  fs.mkdir('/context', { recursive: true });
  fs.writeFile('/context/Dockerfile', await readAll(ctx.stdin));
  return runBuild(options, ctx, fs, '/context', '/context/Dockerfile');
}

async function runBuild(options: BuildCommandOptions, ctx: DockerContext, fs: Vfs, contextDir: string, dockerfile: string): Promise<number> {
  for (const tag of options.tags) {
    const err = tagError(tag);
    if (err) {
      ctx.stderr.write(`ERROR: failed to build: ${err}\n`);
      return 1;
    }
  }
  const renderer = makeRenderer(options.progress, options.quiet, ctx);
  const cancel = new CancelSource();
  const unsubscribe = ctx.signals.on((signal) => {
    if (signal === 'SIGINT') renderer.interrupted?.();
    if (signal === 'SIGINT' || signal === 'SIGTERM') cancel.cancel();
  });
  const finished = new CancelSource();
  const ticker = ctx.terminal ? tick(ctx, renderer, finished) : Promise.resolve();
  try {
    const record = await ctx.engine.builder.build(
      { context: fs, contextDir, dockerfile, tags: options.tags, noCache: options.noCache, pull: options.pull, buildArgs: options.buildArgs, target: options.target },
      (event) => renderer.apply(event),
      cancel,
    );
    finished.cancel();
    await ticker;
    renderer.finish();
    if (showsWarnings(options)) ctx.stderr.write(warningSummary(renderer.warnings));
    if (options.quiet || options.progress === 'quiet') ctx.stdout.write(`${record.imageId ?? ''}\n`);
    return 0;
  } catch (err) {
    finished.cancel();
    await ticker;
    if (!isBuildFailure(err)) throw err;
    renderer.finish();
    const quiet = options.quiet || options.progress === 'quiet';
    let out = quiet ? '' : errorLogBlock(err);
    if (showsWarnings(options)) out += warningSummary(renderer.warnings);
    if (err.source && !err.canceled) out += sourceSnippet(err.source);
    out += finalErrorLine(err.solveMessage);
    ctx.stderr.write(out);
    // buildx exits 130 when the solve was cancelled (grpc Canceled / context.Canceled).
    return err.canceled ? 130 : 1;
  } finally {
    unsubscribe();
  }
}

/** buildx printWarnings: nothing in quiet or rawjson mode. */
function showsWarnings(options: BuildCommandOptions): boolean {
  return !options.quiet && options.progress !== 'quiet' && options.progress !== 'rawjson';
}

/** Keeps the live frame's clock moving between events, like BuildKit's 100 ms refresh. */
async function tick(ctx: DockerContext, renderer: Renderer, finished: CancelSource): Promise<void> {
  if (!renderer.tick) return;
  while (!finished.cancelled) {
    await ctx.clock.sleep(100, finished);
    if (!finished.cancelled) renderer.tick();
  }
}
