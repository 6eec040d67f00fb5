/**
 * `slipway lessons check [DIR]`: proves every lesson is well-formed and
 * solvable. For each lesson folder: the frontmatter matches the schema;
 * every clickable command parses; after the setup every task FAILS (a task
 * that already passes checks nothing); after the `_solution/` files and the
 * solution commands are replayed in a fresh headless engine every task
 * PASSES. Prints one line per lesson, a summary, and exits 1 on any failure.
 */
import type { Clock, IdSource } from '../../os/clock.js';
import type { ExternalCommand } from '../../os/process.js';
import { MemFs } from '../../os/memfs.js';
import { Engine } from '../../engine/index.js';
import { runDocker } from '../../cli/index.js';
import { CONNECTION_REFUSED, Shell } from '../../shell/index.js';
import { evaluateCheck, evaluateLesson, lessonFolders, loadLesson, runnableCommands, type Lesson, type LessonState } from '../../lessons/index.js';
import { DEFAULT_CWD, TerminalSession } from './TerminalSession.js';
import { TranscriptRecorder, runTranscript } from './transcript.js';
import { createDefaultShell } from './shellFactory.js';
import { CommandLog } from './commandLog.js';
import { buildLessonState } from './lessonState.js';

// ---------------------------------------------------------------- replay world

/** Typing a line takes a moment, so `docker ps` ages read naturally. */
const TYPING_MS = 1000;

/**
 * Deterministic time for one replay: the host passes a VirtualClock and
 * SeededIds (src/os/testing), which the pure layers may not import.
 */
export interface WorldTime {
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Moves the clock forward by hand (typing time). */
  advance(ms: number): void;
  /**
   * Waits one round for the session's async work (a few macrotask hops).
   * Not a clock sleep: that would starve the virtual clock's own sleepers.
   */
  settle(): Promise<void>;
}

export class LessonWorld {
  readonly clock: Clock;
  readonly engine: Engine;
  readonly fs: MemFs;
  readonly workspace = DEFAULT_CWD;
  private readonly recorder = new TranscriptRecorder();
  readonly session: TerminalSession;
  readonly log: CommandLog;
  /** Everything the terminal showed, for failure reports. */
  transcript = '';

  constructor(
    files: Readonly<Record<string, string>>,
    private readonly time: WorldTime,
  ) {
    this.clock = time.clock;
    this.engine = new Engine({ clock: time.clock, ids: time.ids });
    this.fs = new MemFs({ now: () => this.clock.now(), uid: 1000, gid: 1000 });
    this.fs.mkdir(this.workspace, { recursive: true });
    this.writeFiles(files);
    this.session = new TerminalSession({
      engine: this.engine,
      fs: this.fs,
      clock: this.clock,
      columns: 80,
      rows: 24,
      write: this.recorder.write,
      transcript: true,
      createShell: createDefaultShell,
    });
    this.log = new CommandLog(this.session);
    this.session.start();
  }

  /** Writes (over) workspace files, creating folders as needed. */
  writeFiles(files: Readonly<Record<string, string>>): void {
    for (const [path, content] of Object.entries(files)) {
      const full = `${this.workspace}/${path}`;
      this.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
      this.fs.writeFile(full, content);
    }
  }

  /** Types lines as a student would; resolves with the last command's status. */
  type(lines: readonly string[]): Promise<number> {
    const session = this.session;
    const log = this.log;
    // The log sees what is typed at the prompt (history skips some lines).
    const target = {
      input: (data: string) => log.input(data),
      waitingForInput: () => session.waitingForInput(),
      isIdle: () => session.isIdle(),
      get state() {
        return session.state;
      },
      get lastStatus() {
        return session.lastStatus;
      },
    };
    return runTranscript(target, this.recorder, lines, {
      beforeLine: () => this.time.advance(TYPING_MS),
      settle: () => this.time.settle(),
      quietRounds: 60,
      finalRounds: 20_000,
      emit: (text) => (this.transcript += text),
    });
  }

  state(): LessonState {
    return buildLessonState({ engine: this.engine, fs: this.fs, workspace: this.workspace, commands: this.log.entries });
  }
}

// ---------------------------------------------------------------- clickable commands
// Docker argv is checked by the real CLI with `--help` placed right after the
// command path: flags are parsed (unknown flags and missing values fail) but
// nothing runs. Shell syntax is checked by running the line in a scratch shell.

/** `docker <group> <verb>` management groups; everything else is `docker <verb>`. */
const GROUPS = new Set(['builder', 'buildx', 'checkpoint', 'config', 'container', 'context', 'image', 'manifest', 'network', 'node', 'plugin', 'secret', 'service', 'stack', 'swarm', 'system', 'trust', 'volume', 'compose']);

function withHelp(argv: readonly string[]): string[] | undefined {
  const first = argv.findIndex((word) => !word.startsWith('-'));
  if (first < 0) return undefined;
  const path = GROUPS.has(argv[first]) && argv[first + 1] !== undefined && !argv[first + 1].startsWith('-') ? first + 2 : first + 1;
  return [...argv.slice(0, path), '--help', ...argv.slice(path)];
}

/** Resolves with undefined when the command parses, or the reason it does not. */
export async function checkClickableCommand(command: string, time: WorldTime): Promise<string | undefined> {
  const { clock } = time;
  const engine = new Engine({ clock, ids: time.ids });
  const fs = new MemFs({ now: () => clock.now(), uid: 1000, gid: 1000 });
  fs.mkdir(DEFAULT_CWD, { recursive: true });
  const problems: string[] = [];
  const docker: ExternalCommand = async (argv, ctx) => {
    const args = withHelp(argv.slice(1));
    if (!args) return 0;
    let errors = '';
    const sink = { write: (_text: string): void => undefined };
    const status = await runDocker(args, { ...ctx, stdout: sink, stderr: { write: (text: string) => void (errors += text) }, terminal: undefined, engine });
    if (status !== 0) problems.push(`\`docker ${argv.slice(1).join(' ')}\`: ${errors.split('\n')[0] || `exit ${status}`}`);
    return 0;
  };
  let shellErrors = '';
  const shell = new Shell({
    fs,
    cwd: DEFAULT_CWD,
    env: { HOME: '/home/student', PATH: '/usr/bin:/bin' },
    clock,
    flavor: 'bash',
    commands: (name) => (name === 'docker' ? docker : undefined),
    http: { request: async () => CONNECTION_REFUSED },
  });
  if (!shell.isComplete(command)) return 'the command is incomplete (an open quote or block)';
  const collect = { write: (text: string): void => void (shellErrors += text) };
  const status = await shell.run(command, { stdin: { read: async () => null }, stdout: { write: () => undefined }, stderr: collect, signals: { on: () => () => undefined } });
  if (status === 2 && /syntax error/.test(shellErrors)) return shellErrors.trim().split('\n')[0];
  return problems[0];
}

// ---------------------------------------------------------------- the check

export interface LessonsCheckIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What only the host can do: read folders, make deterministic clocks. */
export interface LessonsCheckHost {
  /** Every file under `dir`, by path relative to it (`01-x/content.md`), as UTF-8 text. */
  readTree(dir: string): Promise<Record<string, string>>;
  /** A fresh virtual clock and seeded IDs for one replay. */
  newTime(): WorldTime;
  /** Print each replay's terminal transcript to stderr when a lesson fails. */
  readonly verbose?: boolean;
}

export type LessonVerdict = { readonly ok: true; readonly tasks: number } | { readonly ok: false; readonly reasons: readonly string[]; readonly transcript?: string };

async function clickableProblems(lesson: Lesson, host: LessonsCheckHost): Promise<string[]> {
  const problems: string[] = [];
  for (const { command, line } of runnableCommands(lesson.body)) {
    const problem = await checkClickableCommand(command, host.newTime());
    if (problem) problems.push(`clickable command on body line ${line} (${command}) does not parse: ${problem}`);
  }
  return problems;
}

/** Validates one lesson folder (its files by relative path). */
export async function checkLesson(id: string, files: Readonly<Record<string, string>>, host: LessonsCheckHost): Promise<LessonVerdict> {
  const loaded = loadLesson(id, files);
  if (!loaded.ok) return { ok: false, reasons: [loaded.error] };
  const { lesson } = loaded;
  const reasons = await clickableProblems(lesson, host);

  const world = new LessonWorld(lesson.files, host.newTime());
  await world.type(lesson.meta.setup);
  world.log.clear();
  const start = world.state();
  for (const task of lesson.meta.tasks) {
    if (evaluateCheck(task.check, start).pass) reasons.push(`task ${task.id} already passes in the start state`);
  }

  const { commands, filesAfter } = lesson.meta.solution;
  await world.type(commands.slice(0, filesAfter));
  world.writeFiles(lesson.solutionFiles);
  await world.type(commands.slice(filesAfter));
  const end = evaluateLesson(lesson, world.state());
  for (const task of end.tasks) {
    if (task.status === 'fail') reasons.push(`after the solution, task ${task.id} fails: ${task.why ?? task.checks}`);
    if (task.status === 'locked') reasons.push(`after the solution, task ${task.id} is still locked (waiting for ${task.waitingFor?.join(', ')})`);
  }
  world.log.dispose();
  return reasons.length === 0 ? { ok: true, tasks: lesson.meta.tasks.length } : { ok: false, reasons, transcript: world.transcript };
}

export async function runLessonsCheck(dir: string, io: LessonsCheckIo, host: LessonsCheckHost): Promise<number> {
  let tree: Record<string, string>;
  try {
    tree = await host.readTree(dir);
  } catch (error) {
    io.stderr(`slipway lessons check: cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const folders = lessonFolders(tree);
  if (folders.length === 0) {
    io.stderr(`slipway lessons check: no lessons (no */content.md) under ${dir}\n`);
    io.stdout('0 passed, 0 failed\n');
    return 1;
  }
  let passed = 0;
  for (const folder of folders) {
    // DIR may be a single lesson folder: name it after the folder, not '.'.
    const id = folder.id === '.' ? dir.replace(/\/+$/, '').split('/').pop() || dir : folder.id;
    let verdict: LessonVerdict;
    try {
      verdict = await checkLesson(id, folder.files, host);
    } catch (error) {
      verdict = { ok: false, reasons: [`the check crashed: ${error instanceof Error ? error.message : String(error)}`] };
    }
    if (verdict.ok) {
      passed++;
      io.stdout(`ok   ${id} (${verdict.tasks} task${verdict.tasks === 1 ? '' : 's'})\n`);
    } else {
      io.stdout(`FAIL ${id}: ${verdict.reasons.join('; ')}\n`);
      if (host.verbose && verdict.transcript) io.stderr(`--- ${id} transcript\n${verdict.transcript}\n---\n`);
    }
  }
  const failed = folders.length - passed;
  io.stdout(`${folders.length} lesson${folders.length === 1 ? '' : 's'}: ${passed} passed, ${failed} failed\n`);
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
