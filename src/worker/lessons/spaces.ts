/**
 * Spaces: the sandbox and each lesson keep their own workspace files, engine,
 * terminal history, typed commands and undo levels. Only the active space
 * lives in the workspace folder; a parked space keeps its stored form and,
 * for the rest of the page's life, its live engine too, so a container left
 * running in the sandbox is still running when the student comes back.
 */
import type { Clock, IdSource } from '../../os/clock.js';
import { Engine, type EngineApi } from '../../engine/index.js';
import type { CommandFact } from '../../lessons/index.js';
import type { Workspace } from '../workspace.js';
import { lessonIdOf, type LessonProgress, type SavedSpace, type SpaceKey } from './saved.js';
import type { Catalogue } from './catalogue.js';
import { UndoStack } from './undo.js';

/** The typed-command log is for checks like "ran docker logs -f": the recent past is enough. */
const MAX_COMMANDS = 500;

export class Space {
  readonly undo = new UndoStack();

  constructor(
    readonly key: SpaceKey,
    readonly engine: Engine,
    /** Terminal history while parked; the sessions hold it while active. */
    public history: readonly string[],
    readonly commands: CommandFact[],
    readonly lessonVersion?: number,
  ) {}

  record(fact: CommandFact): void {
    this.commands.push(fact);
    if (this.commands.length > MAX_COMMANDS) this.commands.splice(0, this.commands.length - MAX_COMMANDS);
  }
}

export interface Parked {
  readonly saved: SavedSpace;
  /** The space itself, when it was live in this page (its engine still runs). */
  readonly live?: Space;
}

/** The stored form of the active space: the workspace folder and the live engine. */
export function captureSpace(space: Space, workspace: Workspace, history: readonly string[]): SavedSpace {
  const dirs = workspace
    .entries()
    .filter((e) => e.kind === 'dir')
    .map((e) => e.path);
  return {
    files: workspace.files(),
    dirs,
    engine: space.engine.system.snapshot(),
    history: [...history],
    commands: [...space.commands],
    ...(space.lessonVersion !== undefined ? { lessonVersion: space.lessonVersion } : {}),
  };
}

/** A live space from its stored form. Throws when the engine snapshot cannot be restored. */
export function materialize(key: SpaceKey, saved: SavedSpace, time: { clock: Clock; ids: IdSource }): Space {
  const engine = new Engine({ clock: time.clock, ids: time.ids });
  if (saved.engine) engine.system.restore(saved.engine);
  return new Space(key, engine, saved.history, [...(saved.commands ?? [])], saved.lessonVersion);
}

/**
 * The engine as the terminals hold it: a stand-in that forwards to the active
 * space's engine, so an open terminal follows a switch of space (its docker
 * CLI, curl to localhost and completion all reach the new engine).
 */
export function followEngine(current: () => EngineApi): EngineApi {
  return new Proxy({} as EngineApi, { get: (_target, property) => Reflect.get(current(), property) });
}

/** What a changed lesson version makes stale: that lesson's progress and its parked space. */
export function staleEntries(
  catalogue: Catalogue,
  progress: Readonly<Record<string, LessonProgress>>,
  parked: ReadonlyMap<SpaceKey, Parked>,
): { readonly progress: string[]; readonly spaces: SpaceKey[] } {
  const versionOf = (id: string | undefined): number | undefined => (id === undefined ? undefined : catalogue.get(id)?.lesson?.meta.version);
  const stale = (id: string | undefined, stored: number | undefined): boolean => versionOf(id) !== undefined && versionOf(id) !== stored;
  return {
    progress: Object.keys(progress).filter((id) => stale(id, progress[id].version)),
    spaces: [...parked].filter(([key, space]) => stale(lessonIdOf(key), space.saved.lessonVersion)).map(([key]) => key),
  };
}
