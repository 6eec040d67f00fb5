/**
 * A SlipwayHost under a virtual clock for the lesson tests: an in-memory
 * store, the shipped lessons read from disk (plus any extra folders), and
 * terminal helpers that type a line and wait for the prompt.
 */
import { fileURLToPath } from 'node:url';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { readLessonTree } from '../../../../scripts/lessons-disk.js';
import type { SessionStatus } from '../../protocol.js';
import { SlipwayHost } from '../../SlipwayHost.js';
import type { SavedState, SavedStateV1, StateStore } from '../saved.js';
import { Catalogue } from '../catalogue.js';
import { lessonIndex } from '../lessonIndex.js';

export const LESSONS_DIR = fileURLToPath(new URL('../../../../lessons', import.meta.url));

export class MemoryStore implements StateStore {
  saved: SavedState | SavedStateV1 | undefined;
  async load(): Promise<SavedState | SavedStateV1 | undefined> {
    return this.saved;
  }
  async save(state: SavedState): Promise<void> {
    this.saved = structuredClone(state);
  }
  async clear(): Promise<void> {
    this.saved = undefined;
  }
  /** The last save in the current format (fails the test otherwise). */
  get current(): SavedState {
    if (this.saved?.version !== 2) throw new Error('nothing saved in format 2 yet');
    return this.saved;
  }
}

const hop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface HarnessOptions {
  readonly store?: StateStore;
  /** Rewrites the lessons tree (a broken lesson, a version bump). */
  readonly editTree?: (tree: Record<string, string>) => void;
  /** The lessons fail to load (a chunk that did not arrive). */
  readonly lessonsFail?: boolean;
  /** Give the host a lesson index of the tree, as the app's build does (lessonIndex.ts). */
  readonly index?: boolean;
}

export function lessonHost(options: HarnessOptions = {}): SlipwayHost {
  const tree = async (): Promise<Record<string, string>> => {
    const files = await readLessonTree(LESSONS_DIR);
    options.editTree?.(files);
    return files;
  };
  const clock = new VirtualClock();
  const ids = new SeededIds();
  return new SlipwayHost({
    clock,
    ids,
    defer: (task) => setTimeout(task, 0),
    later: (task) => setTimeout(task, 0),
    store: options.store,
    seed: () => ({ 'notes.txt': 'sandbox\n' }),
    setupTime: () => ({
      clock,
      ids,
      advance: (ms) => clock.advance(ms),
      settle: async () => {
        await clock.heldWork();
        for (let i = 0; i < 4; i++) await hop();
      },
    }),
    lessons: async () => {
      if (options.lessonsFail) throw new Error('Failed to fetch dynamically imported module');
      return tree();
    },
    ...(options.index ? { lessonIndex: async () => lessonIndex(new Catalogue(await tree())) } : {}),
  });
}

export async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface Terminal {
  text: string;
  status: SessionStatus;
  /** Types `line` and resolves with its output once the prompt is back. */
  run(line: string): Promise<string>;
}

export async function terminal(host: SlipwayHost, id = 't1'): Promise<Terminal> {
  const screen: Terminal = {
    text: '',
    status: 'running',
    async run(line) {
      const before = screen.text.length;
      await host.input(id, `${line}\r`);
      await until(() => screen.text.length > before + line.length + 2 && screen.text.endsWith('$ ') && screen.status === 'prompt', line);
      return screen.text.slice(before);
    },
  };
  await host.openSession(id, 100, 30, { update: (t, states) => ((screen.text += t), (screen.status = states.at(-1) ?? screen.status)) });
  await until(() => screen.text.endsWith('$ '), 'the first prompt');
  return screen;
}
