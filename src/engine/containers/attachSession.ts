/**
 * A client's connection to a container's stdio (docker attach / run / start -a).
 * Split from ContainerService: the service owns the maps, this module owns how
 * one client joins, feeds stdin and leaves.
 */
import type { AttachOptions, AttachSession } from '../api.js';
import type { ContainerRecord } from './model.js';
import type { Run } from './runtime.js';
import type { Attacher } from './stdio.js';

/** An attached client: where output goes, and how its session learns the end. */
export interface Client extends Attacher {
  readonly stdin: boolean;
  finish(code: number | null): void;
}

/** The service state an attach reads and updates. */
export interface AttachDeps {
  readonly runs: ReadonlyMap<string, Run>;
  readonly clients: Map<string, Set<Client>>;
  /** Input sent before the container's process exists (attach happens before start). */
  readonly pendingStdin: Map<string, (string | null)[]>;
  emit(action: 'attach' | 'detach', id: string): void;
}

/** Feeds one chunk (null = EOF) to a running process, through its pty when it has one. */
export function feedInput(run: Run, chunk: string | null): void {
  if (chunk === null) run.stdin.close();
  else if (run.pty) run.pty.input(chunk);
  else run.stdin.push(chunk);
}

export function openAttachSession(deps: AttachDeps, c: ContainerRecord, options: AttachOptions): AttachSession {
  let resolveDone!: (code: number | null) => void;
  const done = new Promise<number | null>((resolve) => (resolveDone = resolve));
  let open = true;
  const client: Client = {
    stdin: options.stdin,
    stdout: options.stdout,
    stderr: options.stderr,
    finish: (code) => {
      if (!open) return;
      open = false;
      resolveDone(code);
    },
    // The client's output pipe broke (`docker run … | head -1`): it ends as a process killed by SIGPIPE would.
    lost: () => {
      deps.clients.get(c.id)?.delete(client);
      deps.emit('detach', c.id);
      client.finish(128 + 13);
    },
  };
  const set = deps.clients.get(c.id) ?? new Set<Client>();
  set.add(client);
  deps.clients.set(c.id, set);
  deps.runs.get(c.id)?.hub.attachers.add(client);
  deps.emit('attach', c.id);
  // The client resizes the TTY as it attaches, so a shell at its prompt redraws it.
  if (c.config.tty) deps.runs.get(c.id)?.signals.emit('SIGWINCH');
  const send = (chunk: string | null): void => {
    if (!open || !options.stdin || !c.config.openStdin) return;
    const run = deps.runs.get(c.id);
    if (run) feedInput(run, chunk);
    else deps.pendingStdin.set(c.id, [...(deps.pendingStdin.get(c.id) ?? []), chunk]);
  };
  return {
    write: (data) => send(data),
    closeStdin: () => send(null),
    detach: () => {
      if (!open) return;
      deps.clients.get(c.id)?.delete(client);
      deps.runs.get(c.id)?.hub.attachers.delete(client);
      deps.emit('detach', c.id);
      client.finish(null);
    },
    done,
  };
}
