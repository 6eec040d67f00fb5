/** What every predicate kind provides; see ./index.ts for the registry. */
import type { LessonState } from '../state.js';

export interface CheckResult {
  readonly pass: boolean;
  /** On failure: what is missing, in words a student understands. */
  readonly why?: string;
}

/** Evaluates or describes a nested check (the combinators need it). */
export interface CheckContext {
  evaluate(check: unknown): CheckResult;
  describe(check: unknown): string;
}

export interface PredicateKind<C> {
  readonly kind: string;
  /** A human sentence saying exactly what is checked. */
  describe(check: C, ctx: CheckContext): string;
  evaluate(check: C, state: LessonState, ctx: CheckContext): CheckResult;
}

export const PASS: CheckResult = { pass: true };

export function fail(why: string): CheckResult {
  return { pass: false, why };
}
