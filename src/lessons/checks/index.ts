/**
 * The predicate registry: the zod schema of a check (a recursive union of
 * every kind) and the functions that describe and evaluate one.
 */
import { z } from 'zod';
import type { LessonState } from '../state.js';
import type { CheckContext, CheckResult, PredicateKind } from './types.js';
import { all, allSchema } from './all.js';
import { any, anySchema } from './any.js';
import { not, notSchema } from './not.js';
import { container, containerSchema } from './container.js';
import { containerCount, containerCountSchema } from './containerCount.js';
import { image, imageSchema } from './image.js';
import { imageCount, imageCountSchema } from './imageCount.js';
import { build, buildSchema } from './build.js';
import { buildStep, buildStepSchema } from './buildStep.js';
import { loggedIn, loggedInSchema } from './loggedIn.js';
import { pushed, pushedSchema } from './pushed.js';
import { file, fileSchema } from './file.js';
import { dockerfileHas, dockerfileHasSchema } from './dockerfileHas.js';
import { dockerfileOrder, dockerfileOrderSchema } from './dockerfileOrder.js';
import { baseImage, baseImageSchema } from './baseImage.js';
import { commandRan, commandRanSchema } from './commandRan.js';

export type { CheckResult } from './types.js';

/** A check as written in frontmatter: `{ kind: …, …fields }`. */
export interface Check {
  readonly kind: string;
  readonly [field: string]: unknown;
}

/** Authors may write `all: [...]`, `any: [...]`, `not: {...}` instead of `kind: all, of: [...]`. */
function desugar(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || 'kind' in value) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  const record = value as Record<string, unknown>;
  if (keys[0] === 'all' || keys[0] === 'any') return { kind: keys[0], of: record[keys[0]] };
  if (keys[0] === 'not') return { kind: 'not', check: record.not };
  return value;
}

export const CheckSchema: z.ZodType<Check> = z.lazy(() =>
  z.preprocess(desugar, z.discriminatedUnion('kind', [
    allSchema(CheckSchema),
    anySchema(CheckSchema),
    notSchema(CheckSchema),
    containerSchema,
    containerCountSchema,
    imageSchema,
    imageCountSchema,
    buildSchema,
    buildStepSchema,
    loggedInSchema,
    pushedSchema,
    fileSchema,
    dockerfileHasSchema,
    dockerfileOrderSchema,
    baseImageSchema,
    commandRanSchema,
  ])),
) as unknown as z.ZodType<Check>;

const KINDS: ReadonlyMap<string, PredicateKind<never>> = new Map(
  [all, any, not, container, containerCount, image, imageCount, build, buildStep, loggedIn, pushed, file, dockerfileHas, dockerfileOrder, baseImage, commandRan].map(
    (kind) => [kind.kind, kind as PredicateKind<never>],
  ),
);

export const PREDICATE_KINDS: readonly string[] = [...KINDS.keys()];

function kindOf(check: unknown): PredicateKind<unknown> {
  const name = (check as { kind?: unknown } | null)?.kind;
  const kind = typeof name === 'string' ? KINDS.get(name) : undefined;
  if (!kind) throw new Error(`unknown check kind: ${String(name)}`);
  return kind as PredicateKind<unknown>;
}

function context(state: LessonState): CheckContext {
  const ctx: CheckContext = {
    evaluate: (check) => kindOf(check).evaluate(check, state, ctx),
    describe: (check) => kindOf(check).describe(check, ctx),
  };
  return ctx;
}

const DESCRIBE_ONLY = context({ containers: [], images: [], registry: { repos: {} }, files: {}, commands: [] });

export function evaluateCheck(check: Check, state: LessonState): CheckResult {
  return context(state).evaluate(check);
}

/** The sentence shown beside a task: exactly what is checked. */
export function describeCheck(check: Check): string {
  return DESCRIBE_ONLY.describe(check);
}
