/**
 * What survives a reload, and how older saves are read. Version 2 keeps one
 * record per space (the sandbox and each visited lesson) plus lesson
 * progress; version 1 (before lessons) held a single workspace and engine,
 * which becomes the sandbox space so nothing a student had is lost.
 */
import type { EngineSnapshot } from '../../engine/index.js';
import type { CommandFact } from '../../lessons/index.js';
import type { LessonProgressRecord } from '../lessonProtocol.js';

/** `sandbox`, or `lesson:<lesson id>`. */
export type SpaceKey = string;
export const SANDBOX: SpaceKey = 'sandbox';
export const lessonKey = (id: string): SpaceKey => `lesson:${id}`;
export const lessonIdOf = (key: SpaceKey): string | undefined => (key.startsWith('lesson:') ? key.slice('lesson:'.length) : undefined);

/** One space as stored: its workspace, engine, terminal history and typed commands. */
export interface SavedSpace {
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  readonly engine?: EngineSnapshot;
  readonly history: readonly string[];
  /** Commands typed at a prompt with their exit codes (what `commandRan` checks read). */
  readonly commands: readonly CommandFact[];
  /** The lesson version the space was built for; a newer lesson version starts over. */
  readonly lessonVersion?: number;
}

/** A lesson's progress, stored per lesson and version; the progress file carries the same shape. */
export type LessonProgress = LessonProgressRecord;

export interface SavedState {
  readonly version: 2;
  readonly active: SpaceKey;
  readonly spaces: Readonly<Record<SpaceKey, SavedSpace>>;
  readonly progress: Readonly<Record<string, LessonProgress>>;
}

/** The save format before lessons existed. */
export interface SavedStateV1 {
  readonly version: 1;
  readonly files: Readonly<Record<string, string>>;
  readonly dirs: readonly string[];
  readonly engine?: EngineSnapshot;
  readonly history: readonly string[];
}

export interface StateStore {
  /** The last save, in whichever format it was written (see `migrateSavedState`). */
  load(): Promise<SavedState | SavedStateV1 | undefined>;
  save(state: SavedState): Promise<void>;
  clear(): Promise<void>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads any known save format as the current one; undefined for nothing (or something unrecognisable). */
export function migrateSavedState(value: unknown): SavedState | undefined {
  if (!isRecord(value)) return undefined;
  if (value['version'] === 2 && isRecord(value['spaces'])) {
    const state = value as unknown as SavedState;
    return { ...state, active: typeof state.active === 'string' ? state.active : SANDBOX, progress: isRecord(state.progress) ? state.progress : {} };
  }
  if (value['version'] === 1) {
    const v1 = value as unknown as SavedStateV1;
    const sandbox: SavedSpace = { files: v1.files ?? {}, dirs: v1.dirs ?? [], ...(v1.engine ? { engine: v1.engine } : {}), history: v1.history ?? [], commands: [] };
    return { version: 2, active: SANDBOX, spaces: { [SANDBOX]: sandbox }, progress: {} };
  }
  return undefined;
}
