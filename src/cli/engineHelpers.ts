/**
 * The engine helpers the CLI formats with (go-units sizes and durations, port
 * specs, references). They live in the engine and are meant to be exported
 * from src/engine/index.ts; until every one is, this reads them from the
 * index's namespace so the CLI neither deep-imports nor duplicates them.
 * A missing helper fails loudly instead of printing something wrong.
 */
import * as engine from '../engine/index.js';
import type { PortBinding } from '../engine/index.js';

interface Reference {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

interface Helpers {
  humanDuration(ms: number): string;
  humanSize(size: number): string;
  humanSizeWithPrecision(size: number, precision: number): string;
  parsePortSpecs(raw: string): PortBinding[];
  parseReference(s: string): Reference;
  familiarString(ref: Reference): string;
  canonicalString(ref: Reference): string;
  withDefaultTag(ref: Reference): Reference;
}

function helper<K extends keyof Helpers>(name: K): Helpers[K] {
  const found = (engine as unknown as Partial<Helpers>)[name];
  if (typeof found !== 'function') throw new Error(`internal error: the engine does not export ${name} yet`);
  return found as Helpers[K];
}

export const humanDuration = (ms: number): string => helper('humanDuration')(ms);
export const humanSize = (size: number): string => helper('humanSize')(size);
export const humanSizeWithPrecision = (size: number, precision: number): string => helper('humanSizeWithPrecision')(size, precision);
export const parsePortSpecs = (raw: string): PortBinding[] => helper('parsePortSpecs')(raw);
export const parseReference = (s: string): Reference => helper('parseReference')(s);
export const familiarString = (ref: Reference): string => helper('familiarString')(ref);
export const canonicalString = (ref: Reference): string => helper('canonicalString')(ref);
export const withDefaultTag = (ref: Reference): Reference => helper('withDefaultTag')(ref);
