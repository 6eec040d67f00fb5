/**
 * Validates a progress file an instructor or student imports. Loaded with the
 * lesson runtime (zod stays out of the worker's first load).
 */
import { z } from 'zod';
import type { ProgressFile } from '../lessonProtocol.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by -');

const LessonRecord = z.object({
  version: z.number().int().min(1),
  passed: z.array(id),
  complete: z.boolean(),
  hintsShown: z.record(id, z.number().int().min(0)),
  quiz: z.record(id, z.array(z.number().int().min(0))),
});

const ProgressFileSchema = z.object({
  format: z.literal('slipway-progress'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  lessons: z.record(z.string().min(1), LessonRecord),
});

export type ParsedProgress = { readonly ok: true; readonly file: ProgressFile } | { readonly ok: false; readonly error: string };

export function parseProgressFile(json: string): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'slipway-progress') {
    return { ok: false, error: 'This is not a Slipway progress file (its "format" is not "slipway-progress").' };
  }
  const parsed = ProgressFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `The progress file is damaged: ${where}${issue.message}.` };
  }
  return { ok: true, file: parsed.data };
}
