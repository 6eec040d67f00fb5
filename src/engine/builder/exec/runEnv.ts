/** What every part of one build run shares. */
import type { BuildStepRecord } from '../../api.js';
import type { CancelToken } from '../../../os/clock.js';
import type { EngineContext, Layer } from '../../context.js';
import type { ImageConfigFile } from '../../api.js';
import { BuildFailure, type BuildFailureSource } from '../BuildFailure.js';
import type { BuildCache } from '../cache/BuildCache.js';
import type { BuildContext } from '../context/buildContext.js';
import type { Instruction } from '../source/instruction.js';
import type { Progress, Vertex } from './progress.js';

export interface StageResult {
  readonly layers: readonly Layer[];
  readonly config: ImageConfigFile;
  readonly key: string;
}

export interface RunEnv {
  readonly ctx: EngineContext;
  readonly progress: Progress;
  readonly cache: BuildCache;
  readonly cancel: CancelToken;
  readonly noCache: boolean;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly metaArgs: ReadonlyMap<string, string>;
  readonly stageNames: ReadonlyMap<string, number>;
  readonly results: Map<number, StageResult>;
  readonly steps: BuildStepRecord[];
  readonly dockerfileName: string;
  readonly dockerfileLines: readonly string[];
  context?: BuildContext;
}

export function sourceOf(env: RunEnv, ins: Instruction): BuildFailureSource {
  return { file: env.dockerfileName, lines: env.dockerfileLines, startLine: ins.startLine, endLine: ins.endLine };
}

/** Marks the vertex failed and throws what the CLI prints. */
export function failStep(env: RunEnv, vertex: Vertex, ins: Instruction | undefined, vertexError: string, solveMessage: string): never {
  const logs = vertex.tail();
  vertex.fail(vertexError);
  throw new BuildFailure({ vertex: vertex.name, logs, solveMessage, source: ins ? sourceOf(env, ins) : undefined });
}

export function cancelStep(vertex: Vertex | undefined): never {
  vertex?.cancel();
  throw new BuildFailure({ vertex: vertex?.name, solveMessage: 'Canceled: context canceled', canceled: true });
}

/** BuildKit's random ref ids (`7rwf5y97vt3qxjefart17zyuq`): 25 base-36 characters. */
export function refId(env: RunEnv): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let i = 0; i < 25; i++) out += alphabet[env.ctx.ids.int(36)];
  return out;
}
