/**
 * One `docker build`: BuildKit's vertex sequence (definition, metadata,
 * .dockerignore, FROM, context, steps, export) over the stages the target
 * needs, with the cache deciding which steps run.
 */
import type { BuildEvent, BuildOptions, BuildRecord, BuildStepRecord, ImageConfigFile } from '../../api.js';
import type { CancelToken } from '../../../os/clock.js';
import type { EngineContext, ImageRecord } from '../../context.js';
import { assertHasStages, isDockerfileParseError, parseDockerfile, parseInstructions, type ParseResult } from '../../dockerfile/index.js';
import { isEngineError } from '../../errors/EngineError.js';
import { BuildFailure } from '../BuildFailure.js';
import type { BuildCache } from '../cache/BuildCache.js';
import { BuildContext } from '../context/buildContext.js';
import { withTriggers } from '../plan/onbuild.js';
import { planBuild, stageIndexOf, stageNames, type BuildPlan, type StagePlan } from '../plan/stages.js';
import { DockerfileSyntaxError, flagMap, type Instruction } from '../source/instruction.js';
import { readDockerfile } from '../source/readDockerfile.js';
import { ensureBase, normalizeRef, pinnedName, pullInto, type PulledLayer, type ResolvedRef } from './baseImage.js';
import { formatBytes } from './bytes.js';
import { goTime } from './goFormat.js';
import { buildChecks, type LintWarning } from './lint.js';
import { applyMetadata } from './metadata.js';
import { Progress } from './progress.js';
import { cancelStep, type RunEnv, type StageResult } from './runEnv.js';
import { DEFAULT_PATH, HISTORY_COMMENT, cloneConfig, type StageState } from './state.js';
import { dispatchStep } from './steps.js';

const FS_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const never: CancelToken = { cancelled: false, onCancel: () => () => undefined };

/** The last Dockerfile's parse, reused while its text is unchanged (a rebuild re-reads the same file). */
export interface DefinitionMemo {
  text?: string;
  parsed?: ParseResult;
  instructions?: Instruction[];
  /** Build-check warnings, valid for `warningsKey` (the text plus the base images' IDs). */
  warnings?: readonly LintWarning[];
  warningsKey?: string;
}

export interface RunOutcome {
  readonly record: BuildRecord;
  /** Context checksums, so the next build can report only the changed bytes as transferred. */
  readonly contextHashes?: ReadonlyMap<string, string>;
}

export async function runBuild(
  ctx: EngineContext,
  cache: BuildCache,
  options: BuildOptions,
  onEvent: (event: BuildEvent) => void,
  cancel: CancelToken | undefined,
  previousContext: ReadonlyMap<string, string> | undefined,
  memo: DefinitionMemo = {},
): Promise<RunOutcome> {
  const progress = new Progress(ctx.clock, onEvent);
  const startedAt = ctx.clock.now();
  const steps: BuildStepRecord[] = [];
  const dockerfileName = options.dockerfile.slice(options.dockerfile.lastIndexOf('/') + 1);
  const env: RunEnv = {
    ctx,
    progress,
    cache,
    cancel: cancel ?? never,
    noCache: options.noCache ?? false,
    buildArgs: options.buildArgs ?? {},
    metaArgs: new Map(),
    stageNames: new Map(),
    results: new Map(),
    steps,
    dockerfileName,
    dockerfileLines: [],
  };
  const recordOf = (extra: Partial<BuildRecord>): BuildRecord => ({
    id: `b${ctx.ids.hex64().slice(0, 24)}`,
    startedAt,
    finishedAt: ctx.clock.now(),
    tags: [...options.tags],
    steps: [...steps],
    ...extra,
  });
  try {
    const definition = await loadDefinition(env, options, memo);
    const { text, parsed } = definition;
    let plan = definition.plan;
    Object.assign(env, { metaArgs: plan.metaArgs, stageNames: stageNames(plan), dockerfileLines: text.split('\n') });
    const bases = await loadMetadata(env, plan, options.pull ?? false);
    plan = withTriggers(plan, bases);
    await loadCopySources(env, plan);
    const warningsKey = `${text}\0${[...bases.values()].map((b) => b.record?.id ?? b.ref.canonical).join(',')}`;
    if (memo.warningsKey !== warningsKey) {
      memo.warnings = buildChecks(parsed, plan, ctx.images);
      memo.warningsKey = warningsKey;
    }
    for (const w of memo.warnings ?? []) onEvent({ type: 'warning', ...w });
    await loadIgnore(env, options);
    for (const index of plan.order) {
      const base = bases.get(index);
      if (base) await fromVertex(env, plan.stages[index], base);
    }
    const contextHashes = await loadContext(env, plan, options, previousContext);
    for (const index of plan.order) await buildStage(env, plan.stages[index], bases.get(index));
    const final = env.results.get(plan.order[plan.order.length - 1])!;
    const imageId = await exportImage(env, final, options.tags);
    return { record: recordOf({ imageId }), contextHashes };
  } catch (err) {
    const failure = asFailure(env, err);
    throw new BuildFailure({ ...failure.toJSON(), record: recordOf({ error: failure.solveMessage, canceled: failure.canceled }) });
  }
}

function asFailure(env: RunEnv, err: unknown): BuildFailure {
  if (err instanceof BuildFailure) return err;
  if (err instanceof DockerfileSyntaxError) {
    const source = err.line > 0 ? { file: env.dockerfileName, lines: env.dockerfileLines, startLine: err.line, endLine: err.endLine } : undefined;
    return new BuildFailure({ solveMessage: err.message, source });
  }
  if (isEngineError(err)) return new BuildFailure({ solveMessage: err.message });
  throw err;
}

async function loadDefinition(env: RunEnv, options: BuildOptions, memo: DefinitionMemo): Promise<{ plan: BuildPlan; text: string; parsed: ParseResult | undefined }> {
  const vertex = env.progress.start(`[internal] load build definition from ${env.dockerfileName}`);
  let bytes: Uint8Array;
  try {
    bytes = options.context.readFile(options.dockerfile);
  } catch {
    const rel = options.dockerfile.startsWith(`${options.contextDir}/`) ? options.dockerfile.slice(options.contextDir.length + 1) : options.dockerfile;
    vertex.status('transferring dockerfile: 2B');
    vertex.done();
    throw new BuildFailure({ solveMessage: `failed to read dockerfile: open ${rel}: no such file or directory` });
  }
  vertex.status(`transferring dockerfile: ${formatBytes(bytes.length)}`);
  vertex.done();
  const text = new TextDecoder().decode(bytes);
  Object.assign(env, { dockerfileLines: text.split('\n') });
  if (memo.text !== text || !memo.instructions) {
    memo.text = undefined;
    memo.warningsKey = undefined;
    memo.parsed = validateWithParser(text);
    memo.instructions = readDockerfile(text);
    memo.text = text;
  }
  return { plan: planBuild(memo.instructions, env.buildArgs, options.target), text, parsed: memo.parsed };
}

/**
 * The Dockerfile domain's parser words BuildKit's parse errors exactly, so it
 * has the first say; anything else it throws is left to the builder's reader.
 */
function validateWithParser(text: string): ParseResult | undefined {
  try {
    const parsed = parseDockerfile(text);
    assertHasStages(parseInstructions(parsed));
    return parsed;
  } catch (err) {
    if (isDockerfileParseError(err)) throw new DockerfileSyntaxError(err.message, err.startLine, err.endLine);
    return undefined;
  }
}

interface Base {
  readonly ref: ResolvedRef;
  /** Unset until the FROM vertex has pulled it. */
  record?: ImageRecord;
  readonly pulled: readonly PulledLayer[];
}

async function loadMetadata(env: RunEnv, plan: BuildPlan, forcePull: boolean): Promise<Map<number, Base>> {
  const out = new Map<number, Base>();
  const byRef = new Map<string, Base>();
  for (const index of plan.order) {
    const stage = plan.stages[index];
    if (stage.base.kind !== 'image') continue;
    let ref: ResolvedRef;
    try {
      ref = normalizeRef(stage.base.ref);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new DockerfileSyntaxError(`failed to parse stage name "${stage.base.ref}": ${message}`, stage.from.startLine, stage.from.endLine);
    }
    let base = byRef.get(ref.canonical);
    if (!base) {
      const vertex = env.progress.start(`[internal] load metadata for ${ref.canonical}`);
      await env.ctx.clock.sleep(250 + env.ctx.ids.int(400), env.cancel);
      if (env.cancel.cancelled) cancelStep(vertex);
      const local = env.ctx.images.find(ref.familiar);
      if ((!local || forcePull) && ref.hubDigest !== undefined && 'pull' in env.ctx.images) {
        // The catalogue knows the digest, so the download can happen in the FROM vertex, as in BuildKit.
        vertex.done();
        base = { ref, pulled: [] };
        byRef.set(ref.canonical, base);
        out.set(index, base);
        continue;
      }
      const found = await ensureBase(env, ref, forcePull);
      if (env.cancel.cancelled) cancelStep(vertex);
      if ('error' in found) {
        vertex.fail(found.error);
        throw new BuildFailure({ vertex: vertex.name, solveMessage: found.error, source: { file: env.dockerfileName, lines: env.dockerfileLines, startLine: stage.from.startLine, endLine: stage.from.endLine } });
      }
      vertex.done();
      base = { ref, record: found.record, pulled: found.pulled };
      byRef.set(ref.canonical, base);
    }
    out.set(index, base);
  }
  return out;
}

/** `COPY --from=<image>` needs that image too; BuildKit loads its metadata like a FROM's. */
async function loadCopySources(env: RunEnv, plan: BuildPlan): Promise<void> {
  const names = stageNames(plan);
  const seen = new Set<string>();
  for (const index of plan.order) {
    for (const ins of plan.stages[index].instructions) {
      const from = ins.keyword === 'COPY' || ins.keyword === 'ADD' ? flagMap(ins.flags).get('from') : undefined;
      if (from === undefined || stageIndexOf(from, names, index) !== undefined || env.ctx.images.find(from)) continue;
      let ref: ResolvedRef;
      try {
        ref = normalizeRef(from);
      } catch {
        continue;
      }
      if (seen.has(ref.canonical)) continue;
      seen.add(ref.canonical);
      const vertex = env.progress.start(`[internal] load metadata for ${ref.canonical}`);
      const found = await ensureBase(env, ref, false);
      if (env.cancel.cancelled) cancelStep(vertex);
      if ('error' in found) {
        vertex.fail(found.error);
        throw new BuildFailure({ vertex: vertex.name, solveMessage: found.error, source: { file: env.dockerfileName, lines: env.dockerfileLines, startLine: ins.startLine, endLine: ins.endLine } });
      }
      vertex.done();
    }
  }
}

async function loadIgnore(env: RunEnv, options: BuildOptions): Promise<void> {
  const vertex = env.progress.start('[internal] load .dockerignore');
  let size = 2;
  for (const candidate of [`${options.dockerfile}.dockerignore`, `${options.contextDir.replace(/\/$/, '')}/.dockerignore`]) {
    const st = options.context.stat(candidate);
    if (st?.kind === 'file') {
      size = st.size;
      break;
    }
  }
  vertex.status(`transferring context: ${formatBytes(size)}`);
  vertex.done();
}

async function loadContext(env: RunEnv, plan: BuildPlan, options: BuildOptions, previous: ReadonlyMap<string, string> | undefined): Promise<Map<string, string> | undefined> {
  const needsContext = plan.order.some((i) =>
    plan.stages[i].instructions.some((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD') && !flagMap(ins.flags).has('from')),
  );
  if (!needsContext) return undefined;
  const vertex = env.progress.start('[internal] load build context');
  const { context } = BuildContext.load(options.context, options.contextDir, options.dockerfile);
  env.context = context;
  // Like fsutil's incremental send, a rebuild only transfers files whose content changed.
  const hashes = new Map<string, string>();
  let transferred = 0;
  for (const entry of context.entries.values()) {
    if (entry.kind !== 'file') continue;
    const h = context.hash(entry);
    hashes.set(entry.rel, h);
    if (previous?.get(entry.rel) !== h) transferred += entry.size;
  }
  if (previous) transferred += 32;
  // Only a large transfer takes visible time; small ones print 0.0s without a wait.
  const transferMs = Math.min(2000, Math.round(transferred / 100_000));
  if (transferMs > 0) await env.ctx.clock.sleep(transferMs, env.cancel);
  vertex.status(`transferring context: ${formatBytes(transferred)}`);
  vertex.done();
  return hashes;
}

async function buildStage(env: RunEnv, stage: StagePlan, base: Base | undefined): Promise<void> {
  const state = initialState(env, stage, base);
  if (base) state.stepIndex = 1;
  // Triggers run in this stage and are not passed on (dockerfile2llb clears OnBuild, and never inherits it from a stage).
  if (stage.instructions.some((i) => i.onbuild) || stage.base.kind === 'stage') state.config.OnBuild = null;
  for (const ins of stage.instructions) {
    if (env.cancel.cancelled) cancelStep(undefined);
    if (FS_KEYWORDS.has(ins.keyword)) {
      await dispatchStep(env, state, ins);
      continue;
    }
    const createdBy = applyMetadata(state, ins, env.buildArgs, env.metaArgs);
    if (createdBy !== undefined) {
      state.history.push({ created: goTime(state.lastLayerTime), created_by: createdBy, comment: HISTORY_COMMENT, empty_layer: true });
    }
  }
  const config: ImageConfigFile = {
    architecture: state.architecture,
    os: state.os,
    created: state.history.length > 0 ? state.history[state.history.length - 1].created : goTime(state.lastLayerTime),
    ...(state.author !== undefined ? { author: state.author } : {}),
    config: state.config,
    history: state.history,
    rootfs: { type: 'layers', diff_ids: state.layers.map((l) => l.diffId) },
  };
  env.results.set(stage.index, { layers: state.layers, config, key: state.key });
}

/** `[1/N] FROM …@sha256:…` with its resolve line and the layer downloads when the base is pulled here. */
async function fromVertex(env: RunEnv, stage: StagePlan, base: Base): Promise<void> {
  const total = stage.fromTotal ?? stage.total;
  const width = String(total).length;
  const pinned = pinnedName(base.ref, base.record);
  const vertex = env.progress.start(`[${stage.label === '' ? '' : `${stage.label} `}${String(1).padStart(width)}/${total}] FROM ${pinned}`);
  vertex.status(`resolve ${pinned}`, { durationMs: base.pulled.length > 0 || !base.record ? 20 : 0 });
  for (const layer of base.pulled) vertex.status(`sha256:${layer.id}`, { current: layer.size, total: layer.size });
  for (const layer of base.pulled) vertex.status(`extracting sha256:${layer.id}`);
  if (!base.record) {
    const pulled = await pullInto(env, base.ref, vertex);
    if (env.cancel.cancelled) cancelStep(vertex);
    if ('error' in pulled) {
      vertex.fail(pulled.error);
      throw new BuildFailure({ vertex: vertex.name, solveMessage: pulled.error, source: { file: env.dockerfileName, lines: env.dockerfileLines, startLine: stage.from.startLine, endLine: stage.from.endLine } });
    }
    base.record = pulled;
  }
  vertex.done();
}

function initialState(env: RunEnv, stage: StagePlan, base: Base | undefined): StageState {
  const common = { label: stage.label, total: stage.total, stepIndex: 0, args: new Map<string, string>(), cmdSet: false };
  if (stage.base.kind === 'stage') {
    const parent = env.results.get(stage.base.index)!;
    return {
      ...common,
      layers: [...parent.layers],
      config: cloneConfig(parent.config.config),
      history: [...parent.config.history],
      architecture: parent.config.architecture,
      os: parent.config.os,
      key: parent.key,
      baseKey: parent.key,
      lastLayerTime: Date.parse(parent.config.created),
    };
  }
  if (base?.record) {
    const cfg = base.record.config;
    const lastHistory = cfg.history[cfg.history.length - 1]?.created ?? cfg.created;
    return {
      ...common,
      layers: [...base.record.layers],
      config: cloneConfig(cfg.config),
      history: [...cfg.history],
      architecture: cfg.architecture,
      os: cfg.os,
      key: base.record.id,
      baseKey: base.record.id,
      lastLayerTime: Date.parse(lastHistory),
    };
  }
  // FROM scratch: BuildKit makes sure PATH is always set.
  return { ...common, layers: [], config: { Env: [DEFAULT_PATH] }, history: [], architecture: 'amd64', os: 'linux', key: 'scratch', baseKey: 'scratch', lastLayerTime: env.ctx.clock.now() };
}

async function exportImage(env: RunEnv, result: StageResult, tags: readonly string[]): Promise<string> {
  const vertex = env.progress.start('exporting to image');
  const fresh = env.steps.some((s) => !s.cached);
  const exportMs = fresh ? 80 + env.ctx.ids.int(200) : 0;
  if (exportMs > 0) await env.ctx.clock.sleep(exportMs, env.cancel);
  if (env.cancel.cancelled) cancelStep(vertex);
  vertex.status('exporting layers', { durationMs: exportMs });
  const image = env.ctx.images.commit(result.config, result.layers);
  vertex.status(`writing image ${image.id}`);
  for (const tag of tags) {
    const ref = normalizeRef(tag);
    env.ctx.images.setTag(image.id, ref.familiar);
    const typed = tagHasTag(tag) ? ref.canonical : ref.canonical.replace(/:latest$/, '');
    vertex.status(`naming to ${typed}`);
  }
  vertex.done();
  return image.id;
}

/** Whether a `-t` value names a tag (a `:` after the last `/`). */
function tagHasTag(tag: string): boolean {
  return tag.slice(tag.lastIndexOf('/') + 1).includes(':');
}

export type { Instruction };
