/**
 * The Node side of `slipway lessons check`: reads lesson folders from disk
 * and supplies the virtual clock, so src/worker/session stays pure.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SeededIds, VirtualClock } from '../src/os/testing/virtualClock.js';
import { runLessonsCheck as runCheck, type LessonsCheckHost, type LessonsCheckIo } from '../src/worker/session/lessonsCheck.js';
import type { WorldTime } from '../src/worker/session/lessonsCheck.js';

/** Binary files (images in public/) are skipped: lessons check text. */
const TEXT_EXTENSIONS = /\.(md|txt|js|mjs|cjs|ts|json|py|html|css|sh|yml|yaml|toml|ini|conf|dockerignore|gitignore|env)$|(^|\/)(Dockerfile[^/]*|\.dockerignore|\.gitignore|requirements\.txt|[^./]+)$/;

export async function readLessonTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') await walk(full);
      } else if (entry.isFile()) {
        const rel = relative(dir, full).split(sep).join('/');
        if (TEXT_EXTENSIONS.test(rel)) out[rel] = await readFile(full, 'utf8');
      }
    }
  };
  await walk(dir);
  return out;
}

export function virtualTime(): WorldTime {
  const clock = new VirtualClock();
  const hop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    clock,
    ids: new SeededIds(),
    advance: (ms) => clock.advance(ms),
    settle: async () => {
      // A runtime still loading its wasm is busy, not quiet.
      await clock.heldWork();
      for (let i = 0; i < 4; i++) await hop();
    },
  };
}

export const nodeLessonsHost = (options: { verbose?: boolean } = {}): LessonsCheckHost => ({
  readTree: readLessonTree,
  newTime: virtualTime,
  verbose: options.verbose ?? false,
});

/** What bin/ calls for `slipway lessons check [DIR]` (DIR defaults to ./lessons). */
export function runLessonsCheck(dir: string, io: LessonsCheckIo, options: { verbose?: boolean } = {}): Promise<number> {
  return runCheck(dir, io, nodeLessonsHost(options));
}

// `npx tsx scripts/lessons-disk.ts [DIR] [-v]` runs the check directly.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const verbose = args.includes('-v');
  const dir = args.find((a) => a !== '-v') ?? 'lessons';
  void runLessonsCheck(dir, { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) }, { verbose }).then((code) => {
    process.exitCode = code;
  });
}
