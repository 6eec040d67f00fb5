/**
 * The containers domain: create/start/stop/kill/rm, attach, logs, exec, cp,
 * inspect and port routing, over ContainerRecords kept in memory.
 */
import type { SignalName } from '../../os/process.js';
import { CancelSource } from '../../os/streams.js';
import type { AttachOptions, AttachSession, ContainerSummary, ContainersApi, CreateOptions, ExecOptions, LogsOptions } from '../api.js';
import type { ContainerStore, EngineContext } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import type { HttpRequest, HttpResponse } from '../net/http.js';
import { ConnectionRefused } from '../net/network.js';
import { processOn } from '../programs/runner.js';
import { stopWaitReason } from './stopReason.js';
import type { ProcessSpec } from '../programs/types.js';
import type { SnapshotPart } from '../system/SystemService.js';
import { copyFromContainer, copyToContainer } from './archive.js';
import { buildConfig, mergeCommand } from './createConfig.js';
import { inspectContainer } from './inspect.js';
import { streamLogs } from './logs.js';
import type { ContainerRecord } from './model.js';
import { noSuchContainer, notRunning } from './model.js';
import { generateName, validateContainerName } from './names.js';
import { PortAllocator } from './portAllocator.js';
import { createRun, processEnv } from './runtime.js';
import type { Run } from './runtime.js';
import { parseSignal } from './signals.js';
import { preflight } from './preflight.js';
import { checkContainerInvariants, containersFromSnapshot, containersToSnapshot } from './snapshot.js';
import { ContainerTable } from './containerTable.js';
import { feedInput, openAttachSession, type Client } from './attachSession.js';
import { ImageLookups, summarize } from './summary.js';
import { mountEtcFiles } from './etcFiles.js';
import { execInContainer } from './exec.js';

/** Lets pending promise jobs run (a signal's handler may end the process synchronously or a tick later). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

export class ContainerService implements ContainersApi, ContainerStore, SnapshotPart {
  private readonly containers = new ContainerTable();
  private readonly runs = new Map<string, Run>();
  private readonly clients = new Map<string, Set<Client>>();
  private readonly pendingStdin = new Map<string, (string | null)[]>();
  private readonly waiters = new Map<string, ((code: number) => void)[]>();
  /** Containers `restart` is stopping. */
  private readonly restarting = new Set<string>();
  /** Exit codes of auto-removed containers, so `wait` after `--rm` still answers. */
  private readonly tombstones = new Map<string, number>();
  private readonly ports: PortAllocator;

  constructor(private readonly ctx: EngineContext) {
    this.ports = new PortAllocator(ctx.ids);
  }

  // ------------------------------------------------------------ lookup

  resolve(idOrName: string): string | undefined {
    if (idOrName === '') return undefined;
    if (this.containers.has(idOrName)) return idOrName;
    const name = idOrName.startsWith('/') ? idOrName.slice(1) : idOrName;
    for (const c of this.containers.values()) if (c.name === name) return c.id;
    const matches = [...this.containers.keys()].filter((id) => id.startsWith(idOrName));
    return matches.length === 1 ? matches[0] : undefined;
  }

  private get(idOrName: string): ContainerRecord {
    const id = this.resolve(idOrName);
    if (!id) throw noSuchContainer(idOrName);
    return this.containers.get(id)!;
  }

  private emit(action: 'create' | 'start' | 'die' | 'destroy' | 'attach' | 'detach' | 'stop' | 'kill', id: string, exitCode?: number): void {
    this.ctx.events.emit({ type: 'container', action, id, time: this.ctx.clock.now(), ...(exitCode === undefined ? {} : { exitCode }) });
  }

  // ------------------------------------------------------------ create

  create(options: CreateOptions): { readonly id: string; readonly warnings: readonly string[] } {
    let name: string | undefined;
    if (options.name !== undefined && options.name !== '') {
      name = validateContainerName(options.name);
      const holder = [...this.containers.values()].find((c) => c.name === name);
      if (holder) {
        throw new EngineError(
          `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
          'conflict',
        );
      }
    }
    const image = this.ctx.images.find(options.image);
    if (!image) throw new EngineError(`No such image: ${options.image}`, 'notFound');
    const command = mergeCommand(image, options);
    // An ID source restarted with a snapshot (a reload, a replay) can repeat an ID; a repeat would
    // silently replace a container, and a shared 12-character prefix would make short IDs ambiguous.
    let id = this.ctx.ids.hex64();
    while ([...this.containers.keys()].some((other) => other.slice(0, 12) === id.slice(0, 12))) id = this.ctx.ids.hex64();
    const { config, hostConfig } = buildConfig(id, image, options, command);
    const taken = (n: string): boolean => [...this.containers.values()].some((c) => c.name === n);
    const record: ContainerRecord = {
      id,
      name: name ?? generateName(this.ctx.ids, taken, id),
      imageRef: options.image,
      imageId: image.id,
      created: this.ctx.clock.now(),
      path: command.path,
      args: command.args,
      config,
      hostConfig,
      state: { status: 'created', pid: 0, exitCode: 0, error: '', startedAt: 0, finishedAt: 0 },
      restartCount: 0,
      logs: [],
      fs: this.ctx.images.rootfs(image.layers),
      bindings: [],
      ipAddress: '',
    };
    this.containers.set(record);
    this.emit('create', id);
    return { id, warnings: [] };
  }

  // ------------------------------------------------------------ start / exit

  private spec(c: ContainerRecord): ProcessSpec {
    return { argv: [c.path, ...c.args], env: processEnv(c), cwd: c.config.workingDir || '/', user: c.config.user, tty: c.config.tty, openStdin: c.config.openStdin };
  }

  async start(idOrName: string): Promise<void> {
    const c = this.get(idOrName);
    if (this.runs.has(c.id)) return;
    try {
      c.bindings = this.ports.allocate(c.id, c.hostConfig.portBindings, { name: c.name, id: this.ctx.ids.hex64() });
    } catch (error) {
      this.failStart(c, error instanceof Error ? error.message : String(error), 128);
      throw error;
    }
    const spec = this.spec(c);
    const failure = preflight(c, spec, this.ctx.programs);
    if (failure) {
      this.ports.release(c.id);
      c.bindings = [];
      this.failStart(c, failure.message, failure.exitCode);
      throw new EngineError(failure.message, 'startFailed', failure.exitCode);
    }
    const run = createRun(c, this.ctx.clock, this.clients.get(c.id) ?? new Set());
    for (const chunk of this.pendingStdin.get(c.id) ?? []) feedInput(run, chunk);
    this.pendingStdin.delete(c.id);
    this.runs.set(c.id, run);
    c.ipAddress = this.freeAddress();
    mountEtcFiles(c);
    Object.assign(c.state, { status: 'running', pid: 1000 + this.ctx.ids.int(60000), exitCode: 0, error: '', startedAt: this.ctx.clock.now(), finishedAt: 0 });
    this.emit('start', c.id);
    const exited = this.ctx.runner.run(spec, c.fs, run.io, { killed: run.killed.token, pid1: true, listen: run.network.listen }).catch((error: unknown) => {
      run.io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return 128;
    });
    run.finished = exited.then((code) => {
      this.onExit(c, run, code);
      return code;
    });
  }

  /** The lowest free address on the default bridge (172.17.0.1 is the gateway). */
  private freeAddress(): string {
    const used = new Set([...this.containers.values()].map((c) => c.ipAddress));
    for (let n = 2; ; n++) {
      const ip = `172.17.${Math.floor(n / 256)}.${n % 256}`;
      if (!used.has(ip)) return ip;
    }
  }

  private failStart(c: ContainerRecord, message: string, exitCode: number): void {
    c.state.error = message;
    c.state.exitCode = exitCode;
    if (c.state.startedAt !== 0) {
      c.state.status = 'exited';
      c.state.finishedAt = this.ctx.clock.now();
    }
    for (const resolve of this.waiters.get(c.id) ?? []) resolve(exitCode);
    this.waiters.delete(c.id);
    if (c.hostConfig.autoRemove) this.destroy(c);
  }

  private onExit(c: ContainerRecord, run: Run, code: number): void {
    run.hub.flush();
    run.stdin.close();
    run.network.clear();
    this.ports.release(c.id);
    c.bindings = [];
    c.ipAddress = '';
    this.runs.delete(c.id);
    Object.assign(c.state, { status: 'exited', pid: 0, exitCode: code, finishedAt: this.ctx.clock.now() });
    this.emit('die', c.id, code);
    for (const client of this.clients.get(c.id) ?? []) client.finish(code);
    this.clients.delete(c.id);
    for (const resolve of this.waiters.get(c.id) ?? []) resolve(code);
    this.waiters.delete(c.id);
    if (c.hostConfig.autoRemove && this.containers.has(c.id) && !this.restarting.has(c.id)) this.destroy(c);
  }

  private destroy(c: ContainerRecord): void {
    this.containers.delete(c.id);
    this.tombstones.set(c.id, c.state.exitCode);
    this.tombstones.set(c.name, c.state.exitCode);
    for (const client of this.clients.get(c.id) ?? []) client.finish(c.state.exitCode);
    this.clients.delete(c.id);
    this.pendingStdin.delete(c.id);
    for (const resolve of this.waiters.get(c.id) ?? []) resolve(c.state.exitCode);
    this.waiters.delete(c.id);
    this.emit('destroy', c.id);
  }

  wait(idOrName: string): Promise<number> {
    const id = this.resolve(idOrName);
    if (!id) {
      const code = this.tombstones.get(idOrName) ?? [...this.tombstones].find(([key]) => key.startsWith(idOrName) && key.length === 64)?.[1];
      return code === undefined ? Promise.reject(noSuchContainer(idOrName)) : Promise.resolve(code);
    }
    const c = this.containers.get(id)!;
    const run = this.runs.get(id);
    if (run) return run.finished;
    // A container that never ran waits for its first exit (the `next-exit` condition `docker run` uses).
    if (c.state.status !== 'created' || c.state.error !== '') return Promise.resolve(c.state.exitCode);
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
  }

  // ------------------------------------------------------------ signals

  private deliver(run: Run, signal: SignalName): void {
    if (signal === 'SIGKILL') run.killed.cancel();
    else run.signals.emit(signal);
  }

  async stop(idOrName: string, options: { readonly timeout?: number; readonly signal?: SignalName } = {}): Promise<void> {
    const c = this.get(idOrName);
    const run = this.runs.get(c.id);
    if (!run) return;
    const signal = options.signal ?? (c.config.stopSignal ? parseSignal(c.config.stopSignal) : 'SIGTERM');
    const timeout = options.timeout ?? c.config.stopTimeout ?? 10;
    this.emit('kill', c.id);
    this.deliver(run, signal);
    await settle();
    if (this.runs.get(c.id) === run && timeout !== 0) {
      this.ctx.events.emit({
        type: 'stop-wait',
        id: c.id,
        timeoutSeconds: timeout,
        signal,
        reason: stopWaitReason(processOn(run.signals), signal, timeout),
        time: this.ctx.clock.now(),
      });
      if (timeout < 0) await run.finished;
      else {
        const exited = new CancelSource();
        void run.finished.then(() => exited.cancel());
        await this.ctx.clock.sleep(timeout * 1000, exited.token);
      }
    }
    if (this.runs.get(c.id) === run) {
      this.emit('kill', c.id);
      run.killed.cancel();
    }
    await run.finished;
    this.emit('stop', c.id);
  }

  kill(idOrName: string, signal: SignalName = 'SIGKILL'): void {
    const c = this.get(idOrName);
    const run = this.runs.get(c.id);
    if (!run) throw new EngineError(`cannot kill container: ${idOrName}: container ${c.id} is not running`, 'conflict');
    this.emit('kill', c.id);
    this.deliver(run, signal);
  }

  async restart(idOrName: string, options: { readonly timeout?: number } = {}): Promise<void> {
    // A manual restart's stop does not auto-remove a --rm container (moby's HasBeenManuallyRestarted).
    const id = this.get(idOrName).id;
    this.restarting.add(id);
    try {
      await this.stop(idOrName, options);
    } finally {
      this.restarting.delete(id);
    }
    await this.start(idOrName);
  }

  async remove(idOrName: string, options: { readonly force?: boolean } = {}): Promise<void> {
    const c = this.get(idOrName);
    const run = this.runs.get(c.id);
    if (run) {
      if (!options.force) {
        throw new EngineError(`cannot remove container "${idOrName}": container is running: stop the container before removing or force remove`, 'conflict');
      }
      this.emit('kill', c.id);
      run.killed.cancel();
      await run.finished;
    }
    if (this.containers.has(c.id)) this.destroy(c);
  }

  // ------------------------------------------------------------ attach

  attach(idOrName: string, options: AttachOptions): AttachSession {
    return openAttachSession(
      {
        runs: this.runs,
        clients: this.clients,
        pendingStdin: this.pendingStdin,
        emit: (action, id) => this.emit(action, id),
      },
      this.get(idOrName),
      options,
    );
  }

  // ------------------------------------------------------------ queries

  list(options: { readonly all?: boolean; readonly size?: boolean } = {}): ContainerSummary[] {
    const now = this.ctx.clock.now();
    const size = options.size === true;
    const rows = [...this.containers.values()].reverse().filter((c) => options.all || this.runs.has(c.id));
    rows.sort((a, b) => b.created - a.created);
    const lookups = new ImageLookups(this.ctx);
    return rows.map((c) => summarize(c, this.ctx, { now, running: this.runs.has(c.id), attached: (this.clients.get(c.id)?.size ?? 0) > 0, size }, lookups));
  }

  inspect(idOrName: string): Record<string, unknown> {
    const c = this.get(idOrName);
    return inspectContainer(c, this.ctx, this.runs.has(c.id));
  }

  logs(idOrName: string, options: LogsOptions, out: Parameters<ContainersApi['logs']>[2], cancel?: Parameters<ContainersApi['logs']>[3]): Promise<void> {
    const c = this.get(idOrName);
    return streamLogs(c, options, out, () => this.runs.get(c.id), cancel);
  }

  usersOf(imageId: string): { readonly id: string; readonly running: boolean }[] {
    return this.containers.ofImage(imageId).map((c) => ({ id: c.id, running: this.runs.has(c.id) }));
  }

  userCount(imageId: string): number {
    return this.containers.ofImage(imageId).length;
  }

  // ------------------------------------------------------------ exec / cp / http

  async exec(idOrName: string, options: ExecOptions, io: Parameters<ContainersApi['exec']>[2]): Promise<number> {
    const c = this.get(idOrName);
    const run = this.runs.get(c.id);
    if (!run) throw notRunning(c.id);
    return execInContainer(c, run, this.ctx, options, io);
  }

  copyFrom(idOrName: string, path: string): ReturnType<ContainersApi['copyFrom']> {
    return copyFromContainer(this.get(idOrName), path, idOrName);
  }

  copyTo(idOrName: string, destPath: string, entries: Parameters<ContainersApi['copyTo']>[2]): ReturnType<ContainersApi['copyTo']> {
    return copyToContainer(this.get(idOrName), destPath, entries, idOrName);
  }

  /** Routes a request on a published host port. Throws ConnectionRefused (with `published` set when the port is published but nothing listens). */
  http(hostPort: number, request: HttpRequest): Promise<HttpResponse> {
    const held = this.ports.lookup(hostPort);
    const run = held && this.runs.get(held.owner);
    if (!held || !run) return Promise.reject(new ConnectionRefused(hostPort));
    const handler = run.network.handler(held.binding.containerPort);
    if (!handler) return Promise.reject(new ConnectionRefused(hostPort, true));
    return handler(request);
  }

  // ------------------------------------------------------------ snapshot

  toSnapshot(): unknown {
    return containersToSnapshot([...this.containers.values()], (id) => this.runs.has(id), this.ctx.clock.now());
  }

  fromSnapshot(data: unknown): void {
    for (const run of this.runs.values()) run.killed.cancel();
    this.runs.clear();
    this.containers.clear();
    this.clients.clear();
    this.pendingStdin.clear();
    this.waiters.clear();
    for (const held of [...this.ports.all()]) this.ports.release(held.owner);
    for (const record of containersFromSnapshot(data, this.ctx)) this.containers.set(record);
  }

  checkInvariants(): string[] {
    return checkContainerInvariants([...this.containers.values()], this.ctx, (id) => this.runs.has(id), this.ports.all());
  }
}
