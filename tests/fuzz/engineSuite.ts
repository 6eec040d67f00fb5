/**
 * Suite (c): model-based sequences of engine operations through the CLI.
 * The model knows which containers exist (by name) and which run, so each
 * step's exit code and Docker's wording are predicted, and `docker ps -a`
 * must agree with the model after every step. Images are checked by the
 * loss model (they only disappear as `Deleted:` records say) and by what
 * tags resolve to. A "reload" step restores a snapshot into a fresh engine
 * mid-sequence, as a browser reload does.
 */
import fc from 'fast-check';
import { invariantProblems, listed, lossProblems, outputProblems, roundTrip } from './checks.js';
import { BrokenStep, type FuzzStats } from './lineSuite.js';
import { HOME, World, warmUp } from './world.js';

interface Box {
  running: boolean;
  /** Its process waits for requests (nginx) instead of ending by itself. */
  readonly server: boolean;
  /** Its command is not in the image: every start fails. */
  readonly broken: boolean;
  readonly autoRemove: boolean;
}

interface Model {
  readonly boxes: Map<string, Box>;
}

class Real {
  world: World;
  readonly history: string[] = [];
  constructor(
    readonly stats: FuzzStats,
    seed: number,
  ) {
    this.world = new World(seed);
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

const IMAGES = { server: 'nginx', plain: 'busybox', other: 'alpine:3', missing: 'nosuch' } as const;
type ImageKind = keyof typeof IMAGES;
const PROGRAMS = { true: ['true'], false: ['false'], sleep: ['sleep', '5'], missing: ['nosuchcmd'], default: [] } as const;
type Program = keyof typeof PROGRAMS;
const EXIT: Record<Program, number> = { true: 0, false: 1, sleep: 0, missing: 127, default: 0 };

function quote(args: readonly string[]): string {
  return args.map((a) => (/^[\w./:=@-]+$/.test(a) ? a : `'${a}'`)).join(' ');
}

/** Runs a line, then checks the model, the invariants and the loss model. */
async function step(r: Real, m: Model, line: string, expect: { status?: number | readonly number[]; err?: RegExp }): Promise<{ out: string; err: string }> {
  r.history.push(line);
  const before = await listed(r.world);
  const result = await r.world.line(line);
  await r.world.settle();
  r.stats.lines++;
  const problems = outputProblems(line, result);
  const allowed = expect.status === undefined ? undefined : typeof expect.status === 'number' ? [expect.status] : expect.status;
  if (allowed && !allowed.includes(result.status)) problems.push(`${line} exited ${result.status}, expected ${allowed.join(' or ')}\n${result.out}${result.err}`);
  if (expect.err && !expect.err.test(result.err)) problems.push(`${line} printed ${JSON.stringify(result.err)}, expected ${expect.err}`);
  problems.push(...invariantProblems(r.world), ...lossProblems(line, result.out + result.err, before, await listed(r.world)));
  const ps = await r.world.docker(['ps', '-a', '--format', '{{.Names}} {{.State}}']);
  const seen = new Map(ps.out.split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
  for (const [name, box] of m.boxes) {
    const state = seen.get(name);
    if (state === undefined) problems.push(`container ${name} is missing from ps -a`);
    else if ((state === 'running') !== box.running) problems.push(`container ${name} is ${state}, the model says ${box.running ? 'running' : 'not running'}`);
  }
  for (const name of seen.keys()) if (!m.boxes.has(name)) problems.push(`ps -a lists ${name}, which the model does not have`);
  if (r.history.length % 6 === 0) problems.push(...(await roundTrip(r.world)));
  if (problems.length > 0) throw new BrokenStep(`${problems.join('\n')}\nafter:\n${r.history.map((l) => `  $ ${l}`).join('\n')}`);
  return result;
}

/** A container that is not running and was started with --rm is gone. */
function reap(m: Model, name: string): void {
  const box = m.boxes.get(name);
  if (box && !box.running && box.autoRemove) m.boxes.delete(name);
}

const noSuch = (name: string) => new RegExp(`^Error response from daemon: No such container: ${name}\\n`);

class RunCmd implements Cmd {
  constructor(
    readonly name: string,
    readonly image: ImageKind,
    readonly program: Program,
    readonly detach: boolean,
    readonly rm: boolean,
    readonly create: boolean,
  ) {}
  check = () => !(this.image === 'server' && !this.detach && !this.create && this.program === 'default');
  async run(m: Model, r: Real) {
    const args = this.create ? ['create'] : ['run', ...(this.detach ? ['-d'] : [])];
    const line = `docker ${quote([...args, ...(this.rm ? ['--rm'] : []), '--name', this.name, IMAGES[this.image], ...PROGRAMS[this.program]])}`;
    // The daemon looks the image up (and the CLI pulls it) before it checks the name.
    if (this.image === 'missing') {
      await step(r, m, line, { status: 125, err: /pull access denied for nosuch, repository does not exist or may require 'docker login'/ });
      return;
    }
    if (m.boxes.has(this.name)) {
      await step(r, m, line, { status: 125, err: new RegExp(`Conflict\\. The container name "/${this.name}" is already in use by container "[0-9a-f]{64}"\\. You have to remove \\(or rename\\) that container to be able to reuse that name\\.`) });
      return;
    }
    const server = this.image === 'server' && this.program === 'default';
    // nginx's entrypoint script execs the command itself: a missing one ends that process with 127, the start succeeds.
    const broken = this.program === 'missing' && this.image !== 'server';
    m.boxes.set(this.name, { running: false, server, broken, autoRemove: this.rm });
    if (this.create) {
      await step(r, m, line, { status: 0 });
      return;
    }
    if (broken) {
      // The start fails; with --rm the container goes (run removes it), otherwise it stays Created.
      if (this.rm) m.boxes.delete(this.name);
      await step(r, m, line, { status: this.detach ? 127 : 127, err: /executable file not found in \$PATH/ });
      return;
    }
    const box = m.boxes.get(this.name)!;
    box.running = server;
    reap(m, this.name);
    await step(r, m, line, { status: this.detach ? 0 : EXIT[this.program] });
  }
  toString = () => `run(${this.name}, ${this.image}, ${this.program}, detach=${this.detach}, rm=${this.rm}, create=${this.create})`;
}

class LifecycleCmd implements Cmd {
  constructor(
    readonly verb: 'start' | 'stop' | 'kill' | 'restart' | 'rm' | 'rm -f',
    readonly name: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const line = `docker ${this.verb} ${this.name}`;
    const box = m.boxes.get(this.name);
    if (!box) {
      // `rm -f` ignores "not found" (docker-cli.md §3.6).
      await step(r, m, line, this.verb === 'rm -f' ? { status: 0 } : { status: 1, err: noSuch(this.name) });
      return;
    }
    switch (this.verb) {
      case 'start':
      case 'restart':
        if (box.broken) {
          // A failed start removes an AutoRemove container (moby daemon/start.go's cleanup).
          if (box.autoRemove) m.boxes.delete(this.name);
          await step(r, m, line, { status: 1, err: /executable file not found in \$PATH/ });
          return;
        }
        box.running = box.server;
        reap(m, this.name);
        await step(r, m, line, { status: 0 });
        return;
      case 'stop': {
        // A --rm container goes when it stops running; one that never ran stays.
        const ran = box.running;
        box.running = false;
        if (ran) reap(m, this.name);
        await step(r, m, line, { status: 0 });
        return;
      }
      case 'kill':
        if (!box.running) {
          await step(r, m, line, { status: 1, err: new RegExp(`cannot kill container: ${this.name}: container [0-9a-f]{64} is not running`) });
          return;
        }
        box.running = false;
        reap(m, this.name);
        await step(r, m, line, { status: 0 });
        return;
      case 'rm':
        if (box.running) {
          await step(r, m, line, { status: 1, err: new RegExp(`cannot remove container "${this.name}": container is running: stop the container before removing or force remove`) });
          return;
        }
        m.boxes.delete(this.name);
        await step(r, m, line, { status: 0 });
        return;
      case 'rm -f':
        m.boxes.delete(this.name);
        await step(r, m, line, { status: 0 });
    }
  }
  toString = () => `${this.verb}(${this.name})`;
}

/** rmi, tag, pull, build, prunes: checked by the loss model and by what tags resolve to. */
class ImageCmd implements Cmd {
  constructor(
    readonly verb: 'rmi' | 'rmi -f' | 'tag' | 'pull' | 'build' | 'image prune -f' | 'image prune -a -f' | 'builder prune -f' | 'container prune -f',
    readonly ref: string,
    readonly other: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const w = r.world;
    // `images <repo>` lists every tag of the repository; inspect resolves exactly one reference.
    const resolve = async (ref: string) => (await w.docker(['image', 'inspect', '--format', '{{.Id}}', ref])).out.trim();
    switch (this.verb) {
      case 'tag': {
        const src = await resolve(this.ref);
        await step(r, m, `docker tag ${this.ref} ${this.other}`, { status: src ? 0 : 1 });
        if (src && (await resolve(this.other)) !== src) throw new BrokenStep(`after tag ${this.ref} ${this.other}, ${this.other} does not point at ${src}`);
        return;
      }
      case 'pull':
        await step(r, m, `docker pull -q ${this.ref}`, { status: this.ref.startsWith('nosuch') || this.ref.startsWith('app') ? 1 : 0 });
        return;
      case 'build': {
        w.fs.mkdir(`${HOME}/ctx`, { recursive: true });
        w.fs.writeFile(`${HOME}/ctx/Dockerfile`, `FROM ${this.other}\nRUN echo ${this.ref} > /built\nCMD ["cat", "/built"]\n`);
        await step(r, m, `docker build -q -t ${this.ref} ctx`, { status: 0 });
        if (!(await resolve(this.ref))) throw new BrokenStep(`build -t ${this.ref} left no such tag`);
        return;
      }
      case 'container prune -f':
        for (const [name, box] of [...m.boxes]) if (!box.running) m.boxes.delete(name);
        await step(r, m, `docker ${this.verb}`, { status: 0 });
        return;
      case 'rmi':
      case 'rmi -f': {
        const had = await resolve(this.ref);
        const { out } = await step(r, m, `docker ${this.verb} ${this.ref}`, had ? {} : { status: this.verb === 'rmi' ? 1 : 0, err: /No such image/ });
        if (/^Untagged: /m.test(out) && (await resolve(this.ref)) === had && !/^[0-9a-f]{4,}$/.test(this.ref)) throw new BrokenStep(`${this.ref} still resolves after rmi printed Untagged`);
        return;
      }
      default:
        await step(r, m, `docker ${this.verb}`, { status: 0 });
    }
  }
  toString = () => `${this.verb}(${this.ref}, ${this.other})`;
}

/** A reload: the engine's snapshot restored into a fresh engine; processes do not survive it. */
class ReloadCmd implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const snapshot = JSON.parse(JSON.stringify(r.world.engine.system.snapshot()));
    const fresh = new World(r.history.length + 11, r.world.clock.now());
    fresh.engine.system.restore(snapshot);
    fresh.fs.mkdir(`${HOME}/ctx`, { recursive: true });
    r.world = fresh;
    for (const box of m.boxes.values()) box.running = false;
    await step(r, m, 'true # reloaded', { status: 0 });
  }
  toString = () => 'reload';
}

// Two letters at least (Docker rejects one-character names), and not hex: `db` or `c1` would also be
// a prefix of some container ID, which Docker resolves too.
const name = fc.constantFrom('web', 'api', 'box');
const tagRef = fc.constantFrom('busybox', 'alpine:3', 'nginx', 'app', 'app:v2', 'nosuch');

const commands = [
  fc.tuple(name, fc.constantFrom<ImageKind>('server', 'plain', 'plain', 'other', 'missing'), fc.constantFrom<Program>('default', 'true', 'false', 'sleep', 'missing'), fc.boolean(), fc.boolean(), fc.boolean()).map(([n, i, p, d, rm, c]) => new RunCmd(n, i, p, d, rm, c)),
  fc.tuple(fc.constantFrom('start', 'stop', 'kill', 'restart', 'rm', 'rm -f') as fc.Arbitrary<LifecycleCmd['verb']>, name).map(([v, n]) => new LifecycleCmd(v, n)),
  fc
    .tuple(fc.constantFrom('rmi', 'rmi -f', 'tag', 'pull', 'build', 'image prune -f', 'image prune -a -f', 'builder prune -f', 'container prune -f') as fc.Arbitrary<ImageCmd['verb']>, tagRef, fc.constantFrom('app', 'app:v2', 'x/y:z'), fc.constantFrom('busybox', 'alpine:3'))
    // Tags and builds only name app images: the model knows busybox, alpine and nginx by what they run.
    .map(([v, ref, target, base]) => new ImageCmd(v, v === 'build' ? ref.replace(/^(busybox|alpine:3|nginx|nosuch)$/, 'app') : ref, v === 'build' ? base : target)),
  fc.constant(new ReloadCmd()),
];

export function engineProperty(stats: FuzzStats, opsPerRun: number) {
  return fc.asyncProperty(fc.commands(commands, { size: 'max', maxCommands: opsPerRun }), fc.integer({ min: 1, max: 1e6 }), async (cmds, seed) => {
    await warmUp();
    const real = new Real(stats, seed);
    real.world.fs.mkdir(`${HOME}/ctx`, { recursive: true });
    await fc.asyncModelRun(() => ({ model: { boxes: new Map() }, real }), cmds);
  });
}
