/**
 * A failed or cancelled build, carrying everything the CLI needs to print
 * BuildKit's error block: the failing vertex, its last log lines, the
 * Dockerfile snippet location and the final `failed to solve: …` text.
 */
import type { BuildRecord } from '../api.js';

export interface BuildFailureSource {
  /** The Dockerfile's name as BuildKit prints it above the snippet (`Dockerfile`, `Dockerfile.dev`). */
  readonly file: string;
  /** The whole Dockerfile, split into lines, so the CLI can cut the snippet. */
  readonly lines: readonly string[];
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface BuildFailureDetails {
  /** The failing vertex's name (`[2/5] RUN npm run build`), absent for errors before any step. */
  readonly vertex?: string;
  /** Log lines of the failing vertex, already prefixed with their relative time (`0.412 npm error …`). */
  readonly logs?: readonly string[];
  /** What follows `failed to solve: ` on the final line. */
  readonly solveMessage: string;
  readonly source?: BuildFailureSource;
  readonly canceled?: boolean;
  readonly record?: BuildRecord;
}

export class BuildFailure extends Error {
  readonly vertex?: string;
  readonly logs: readonly string[];
  readonly solveMessage: string;
  readonly source?: BuildFailureSource;
  readonly canceled: boolean;
  readonly record?: BuildRecord;

  constructor(details: BuildFailureDetails) {
    super(details.solveMessage);
    this.name = 'BuildFailure';
    this.vertex = details.vertex;
    this.logs = details.logs ?? [];
    this.solveMessage = details.solveMessage;
    this.source = details.source;
    this.canceled = details.canceled ?? false;
    this.record = details.record;
  }

  /** Plain data, because structured clone (comlink) drops custom error fields. */
  toJSON(): BuildFailureDetails & { readonly name: string; readonly message: string } {
    return {
      name: this.name,
      message: this.message,
      vertex: this.vertex,
      logs: this.logs,
      solveMessage: this.solveMessage,
      source: this.source,
      canceled: this.canceled,
      record: this.record,
    };
  }
}

export function isBuildFailure(value: unknown): value is BuildFailure {
  return value instanceof BuildFailure;
}
