import { describe, expect, it } from 'vitest';
import { SeededIds, VirtualClock } from '../os/testing/virtualClock.js';
import type { ChangeKind, SessionStatus } from './protocol.js';
import { SlipwayHost, type SavedState, type SavedStateV1, type StateStore } from './SlipwayHost.js';

class MemoryStore implements StateStore {
  saved: SavedState | SavedStateV1 | undefined;
  saves = 0;
  async load(): Promise<SavedState | SavedStateV1 | undefined> {
    return this.saved;
  }
  async save(state: SavedState): Promise<void> {
    this.saves++;
    this.saved = structuredClone(state);
  }
  async clear(): Promise<void> {
    this.saved = undefined;
  }
}

function makeHost(store?: StateStore): SlipwayHost {
  return new SlipwayHost({
    clock: new VirtualClock(),
    ids: new SeededIds(),
    defer: (task) => setTimeout(task, 0),
    later: (task) => setTimeout(task, 0),
    store,
    seed: () => ({ Dockerfile: 'FROM busybox\nCMD ["echo", "hi"]\n' }),
  });
}

/** A host whose pause timers (atPause.ts) wait in `timers` until the test runs them. */
function hostWithTimers(): { store: MemoryStore; timers: (() => void)[]; host: SlipwayHost } {
  const store = new MemoryStore();
  const timers: (() => void)[] = [];
  const host = new SlipwayHost({ clock: new VirtualClock(), ids: new SeededIds(), defer: (task) => setTimeout(task, 0), later: (task) => void timers.push(task), store });
  return { store, timers, host };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Screen {
  text: string;
  status: SessionStatus;
}

async function open(host: SlipwayHost, id: string): Promise<Screen> {
  const screen: Screen = { text: '', status: 'running' };
  await host.openSession(id, 100, 30, { update: (t, states) => ((screen.text += t), (screen.status = states.at(-1) ?? screen.status)) });
  await until(() => screen.text.endsWith('$ '), 'the first prompt');
  return screen;
}

async function run(host: SlipwayHost, id: string, screen: Screen, line: string): Promise<string> {
  const before = screen.text.length;
  await host.input(id, `${line}\r`);
  await until(() => screen.text.length > before + line.length + 2 && screen.text.endsWith('$ ') && screen.status === 'prompt', line);
  return screen.text.slice(before);
}

describe('SlipwayHost', () => {
  it('opens a session on the seeded workspace and answers commands', async () => {
    const host = makeHost();
    const screen = await open(host, 't1');
    expect(screen.text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')).toBe('student@slipway:~/app$ ');
    const out = await run(host, 't1', screen, 'ls');
    expect(out).toContain('Dockerfile');
  });

  it('tells watchers when the terminal changed the workspace, and the editor can read it', async () => {
    const host = makeHost();
    const changes: ChangeKind[] = [];
    await host.watch((what) => changes.push(what));
    const screen = await open(host, 't1');
    const version = (await host.listWorkspace()).version;
    await run(host, 't1', screen, 'echo hello > note.txt');
    await until(() => changes.includes('workspace'), 'a workspace notice');
    const listing = await host.listWorkspace();
    expect(listing.version).toBeGreaterThan(version);
    expect(listing.entries.map((e) => e.path)).toContain('note.txt');
    expect(await host.readFile('note.txt')).toEqual({ ok: true, value: 'hello\n' });
  });

  it('asks the UI to pull the engine view again only when it changed: not after a read-only command', async () => {
    const host = makeHost();
    const changes: ChangeKind[] = [];
    await host.watch((what) => changes.push(what));
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'docker create --name kept busybox');
    await until(() => changes.includes('engine'), 'an engine notice after create');
    // The pull's last events may come a task later: the UI pulls once they are in.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await host.engineView(10)).containers.map((c) => c.name)).toEqual(['kept']);
    changes.length = 0;
    await run(host, 't1', screen, 'docker ps -a');
    await run(host, 't1', screen, 'echo done');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).not.toContain('engine');
    await run(host, 't1', screen, 'docker rm kept');
    await until(() => changes.includes('engine'), 'an engine notice after rm');
  });

  it('asks the UI to pull again after an eventless command when a status moved on ("Up 2 minutes")', async () => {
    const clock = new VirtualClock();
    const host = new SlipwayHost({ clock, ids: new SeededIds(), defer: (task) => setTimeout(task, 0), later: (task) => setTimeout(task, 0) });
    const changes: ChangeKind[] = [];
    await host.watch((what) => changes.push(what));
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'docker run -d --name web nginx');
    await until(() => changes.includes('engine'), 'an engine notice after run');
    expect((await host.engineView(10)).containers[0].status).toBe('Up Less than a second');
    changes.length = 0;
    clock.advance(120_000);
    await run(host, 't1', screen, 'echo later');
    await until(() => changes.includes('engine'), 'an engine notice for the new status');
    expect((await host.engineView(10)).containers[0].status).toBe('Up 2 minutes');
  });

  it('lets the terminal see what the editor wrote', async () => {
    const host = makeHost();
    const screen = await open(host, 't1');
    expect((await host.writeFile('app/main.py', 'print(1)\n')).ok).toBe(true);
    expect(await run(host, 't1', screen, 'cat app/main.py')).toContain('print(1)');
  });

  it('replays the scrollback to a view that attaches again', async () => {
    const host = makeHost();
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'echo first');
    const again: Screen = { text: '', status: 'running' };
    await host.openSession('t1', 100, 30, { update: (t, states) => ((again.text += t), (again.status = states.at(-1) ?? again.status)) });
    expect(again.text).toBe(screen.text);
    expect(again.status).toBe('prompt');
  });

  it('shares one engine between sessions and shows it in the engine view', async () => {
    const host = makeHost();
    const one = await open(host, 't1');
    const two = await open(host, 't2');
    const id = (await run(host, 't1', one, 'docker run -d --name web -p 8080:80 nginx')).match(/[0-9a-f]{64}/)?.[0];
    expect(id).toBeDefined();
    expect(await run(host, 't2', two, 'docker ps --format "{{.Names}} {{.Ports}}"')).toContain('web 0.0.0.0:8080->80/tcp');
    const view = await host.engineView();
    expect(view.containers.map((c) => [c.name, c.state, c.publishedPorts])).toEqual([['web', 'running', [8080]]]);
    expect(view.images.map((i) => i.tags)).toEqual([['nginx:latest']]);
    expect(view.images[0].layers.filter((l) => !l.empty).length).toBeGreaterThan(0);
    const page = await host.preview(8080, { method: 'GET', path: '/' });
    expect(page.ok && page.value.body).toContain('Welcome to nginx!');
    expect(await host.preview(9999, { method: 'GET', path: '/' })).toEqual({ ok: false, error: 'Failed to connect to localhost port 9999: Connection refused' });
  });

  it('saves after a command and restores files, images, containers and history on the next boot', async () => {
    const store = new MemoryStore();
    const host = makeHost(store);
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'echo kept > kept.txt');
    await run(host, 't1', screen, 'docker run -d --name web nginx');
    await until(() => store.saved?.version === 2 && store.saved.spaces['sandbox'].history.length === 2, 'a save');

    const next = makeHost(store);
    expect(await next.boot()).toEqual({ restored: true, storageProblem: undefined });
    expect(await next.readFile('kept.txt')).toEqual({ ok: true, value: 'kept\n' });
    const view = await next.engineView();
    expect(view.containers.map((c) => c.name)).toEqual(['web']);
    const screen2 = await open(next, 't1');
    await next.input('t1', '\x1b[A');
    await until(() => screen2.text.includes('docker run -d --name web nginx'), 'history recall');
  });

  it('holds a save back while keys keep arriving, and saves at the first pause', async () => {
    const { store, timers, host } = hostWithTimers();
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'echo one');
    // Typing "echo one" postponed the save set at boot: no keys since, so this round saves.
    while (timers.length > 0) timers.shift()!();
    await until(() => store.saves > 0, 'the first save');
    const saves = store.saves;
    await run(host, 't1', screen, 'echo two');
    expect(timers).toHaveLength(1);
    await host.input('t1', 'e');
    timers.shift()!();
    expect(timers).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.saves).toBe(saves);
    timers.shift()!();
    await until(() => store.saves === saves + 1, 'the save after the pause');
    expect(timers).toHaveLength(0);
  });

  it('saves at once when the page is being hidden, keys or not, and the held-back timer then saves nothing twice', async () => {
    const { store, timers, host } = hostWithTimers();
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'echo kept');
    await host.input('t1', 'e');
    expect(store.saves).toBe(0);
    await host.flush();
    await until(() => store.saves === 1, 'the save on hiding');
    expect(JSON.stringify(store.saved)).toContain('echo kept');
    // The timer set before the flush belongs to a finished round.
    while (timers.length > 0) timers.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.saves).toBe(1);
  });

  it('keeps working when storage is unavailable, and says so', async () => {
    const broken: StateStore = {
      load: () => Promise.reject(new Error('IndexedDB is not available')),
      save: () => Promise.reject(new Error('IndexedDB is not available')),
      clear: () => Promise.resolve(),
    };
    const host = makeHost(broken);
    const info = await host.boot();
    expect(info.restored).toBe(false);
    expect(info.storageProblem).toContain('IndexedDB is not available');
    const screen = await open(host, 't1');
    expect(await run(host, 't1', screen, 'cat Dockerfile')).toContain('FROM busybox');
  });

  it('reports a failed save (a full disk) to watchers instead of failing the command', async () => {
    const full: StateStore = {
      load: async () => undefined,
      save: () => Promise.reject(new Error('QuotaExceededError')),
      clear: () => Promise.resolve(),
    };
    const host = makeHost(full);
    const changes: ChangeKind[] = [];
    await host.watch((what) => changes.push(what));
    const screen = await open(host, 't1');
    expect(await run(host, 't1', screen, 'echo still works')).toContain('still works');
    await until(() => changes.includes('storage'), 'a storage notice');
    expect(await host.storageProblem()).toMatch(/^Saving failed \(QuotaExceededError\): Slipway is working from memory/);
  });

  it('resets everything back to the seed', async () => {
    const store = new MemoryStore();
    const host = makeHost(store);
    const screen = await open(host, 't1');
    await run(host, 't1', screen, 'docker pull alpine');
    await host.writeFile('extra.txt', 'x');
    await host.resetEverything();
    expect(store.saved).toBeUndefined();
    expect((await host.listWorkspace()).entries.map((e) => e.path)).toEqual(['Dockerfile']);
    expect((await host.engineView()).images).toEqual([]);
  });
});

describe('SlipwayHost before boot', () => {
  it('answers workspace reads only once the saved state is restored', async () => {
    const store = new MemoryStore();
    store.saved = { version: 1, files: { 'restored.txt': 'from storage\n' }, dirs: [], history: [] };
    const host = makeHost(store);
    // No boot() call first: the read itself must wait for the restore.
    expect(await host.readFile('restored.txt')).toEqual({ ok: true, value: 'from storage\n' });
  });
});
