/**
 * Filesystem steps (WORKDIR, COPY/ADD, RUN): compute the cache key from the
 * step's inputs, reuse the cached layer or run the step, and record why it
 * missed. Keys chain through `state.key`.
 */
import type { CacheMissReason, HistoryEntry } from '../../api.js';
import type { Layer } from '../../context.js';
import { stepKey, type StepInputs } from '../cache/BuildCache.js';
import { DockerfileSyntaxError, flagMap, type Instruction } from '../source/instruction.js';
import { vertexText } from '../source/vertexName.js';
import { processWord, processWords } from '../source/words.js';
import { selectFromContext, selectFromFs, type SourceSet } from './copySources.js';
import { copyIntoLayer, mkdirLayer, normalizeAbs, resolveChown } from './fileOps.js';
import { goQuote, goTime } from './goFormat.js';
import type { Vertex } from './progress.js';
import { cancelStep, failStep, refId, type RunEnv } from './runEnv.js';
import { executeRun, processFailure, runHistory, runSpec } from './runStep.js';
import { stageIndexOf } from '../plan/stages.js';
import { expandHeredocContent, ShellLexError } from '../../dockerfile/index.js';
import { expansionVars, HISTORY_COMMENT, type StageState } from './state.js';

interface Prepared {
  readonly inputs: StepInputs;
  readonly history: string;
  readonly perform: (vertex: Vertex) => Promise<Layer>;
  /** An error found while computing the key (a missing COPY source): the vertex fails at once. */
  readonly keyError?: { readonly vertex: string; readonly solve: string };
}

export function stepName(state: StageState, text: string): string {
  state.stepIndex++;
  const width = String(state.total).length;
  const label = state.label === '' ? '' : `${state.label} `;
  return `[${label}${String(state.stepIndex).padStart(width)}/${state.total}] ${text}`;
}

export async function dispatchStep(env: RunEnv, state: StageState, ins: Instruction): Promise<void> {
  if (ins.keyword === 'WORKDIR') {
    const vars = expansionVars(state);
    const raw = processWord(ins.rest, vars);
    const path = normalizeAbs(raw.startsWith('/') ? raw : `${state.config.WorkingDir || '/'}/${raw}`);
    state.config.WorkingDir = path;
    if (path === '/') {
      state.history.push({ created: goTime(state.lastLayerTime), created_by: 'WORKDIR /', comment: HISTORY_COMMENT, empty_layer: true });
      return;
    }
  }
  const name = stepName(state, vertexText(ins, expansionVars(state)));
  const prepared = prepare(env, state, ins);
  const parentKey = state.key;
  const key = stepKey(parentKey, prepared.inputs);
  const index = state.stepIndex;
  const started = env.ctx.clock.now();
  if (env.cancel.cancelled) cancelStep(undefined);
  const hit = env.noCache || prepared.keyError ? undefined : env.cache.get(key);
  if (hit) {
    env.progress.cached(name);
    commitLayer(state, hit.layer, hit.created, prepared.history);
    state.key = key;
    env.steps.push({ index, total: state.total, stage: state.label, instruction: ins.display, line: ins.startLine, cached: true, durationMs: 0 });
    return;
  }
  let reason: CacheMissReason;
  if (env.noCache) reason = { kind: 'no-cache' };
  else if (state.firstMiss !== undefined) reason = { kind: 'parent-missed', step: state.firstMiss };
  else reason = env.cache.explainMiss(parentKey, prepared.inputs);
  // The first step on a new base image (a pull moved the tag): the FROM step is what changed.
  if (reason.kind === 'instruction-changed' && state.firstMiss === undefined && parentKey === state.baseKey && state.total > 0 && env.cache.hasOperation(prepared.inputs)) {
    reason = { kind: 'parent-missed', step: 1 };
  }
  state.firstMiss ??= index;
  const vertex = env.progress.start(name);
  if (prepared.keyError) failStep(env, vertex, ins, prepared.keyError.vertex, prepared.keyError.solve);
  const layer = await prepared.perform(vertex);
  if (env.cancel.cancelled) cancelStep(vertex);
  const created = env.ctx.clock.now();
  env.cache.put({ key, parentKey, inputs: prepared.inputs, layer, created });
  commitLayer(state, layer, created, prepared.history);
  state.key = key;
  vertex.done();
  env.steps.push({ index, total: state.total, stage: state.label, instruction: ins.display, line: ins.startLine, cached: false, reason, durationMs: created - started });
}

function commitLayer(state: StageState, layer: Layer, created: number, createdBy: string): void {
  // Metadata entries before the first layer (FROM scratch, then CMD …) take that layer's time, as
  // BuildKit's normalizeLayersAndHistory backfills them: a cached rebuild then gives the same image ID.
  if (state.layers.length === 0) state.history = state.history.map((h) => ({ ...h, created: goTime(created) }));
  state.layers = [...state.layers, layer];
  state.lastLayerTime = created;
  const entry: HistoryEntry = { created: goTime(created), created_by: createdBy, comment: HISTORY_COMMENT };
  state.history.push(entry);
}

function prepare(env: RunEnv, state: StageState, ins: Instruction): Prepared {
  const ctx = env.ctx;
  const parent = state.layers;
  if (ins.keyword === 'WORKDIR') {
    const path = state.config.WorkingDir!;
    const user = state.config.User ?? '';
    return {
      inputs: { kind: 'WORKDIR', op: JSON.stringify({ path, user }) },
      history: `WORKDIR ${path}`,
      perform: async (vertex) => {
        await ctx.clock.sleep(20 + ctx.ids.int(30), env.cancel);
        // BuildKit creates the directory as the current USER.
        let owner: { uid: number; gid: number } | undefined;
        if (user !== '' && user !== 'root' && user !== '0') {
          const resolved = resolveChown(ctx.images.rootfs(parent), user);
          if ('error' in resolved) return failStep(env, vertex, ins, resolved.error, resolved.error);
          owner = resolved;
        }
        return mkdirLayer(ctx.images, parent, path, owner);
      },
    };
  }
  if (ins.keyword === 'RUN') {
    const spec = runSpec(state, ins);
    return {
      inputs: { kind: 'RUN', op: JSON.stringify(spec.args), env: JSON.stringify({ env: spec.env, cwd: spec.cwd, user: spec.user }) },
      history: runHistory(state, spec),
      perform: async (vertex) => {
        // Container start-up.
        await ctx.clock.sleep(150 + ctx.ids.int(150), env.cancel);
        if (env.cancel.cancelled) cancelStep(vertex);
        let result: { code: number; layer?: Layer };
        try {
          result = await executeRun(ctx, parent, spec, vertex, env.cancel);
        } catch (err) {
          // The runner rejects when argv[0] cannot be executed (runc's exec error).
          const detail = err instanceof Error ? ((err as { detail?: string }).detail ?? err.message) : String(err);
          const message = `process ${goQuote(spec.args.join(' '))} did not complete successfully: runc run failed: unable to start container process: error during container init: ${detail}`;
          return failStep(env, vertex, ins, message, message);
        }
        if (env.cancel.cancelled) cancelStep(vertex);
        if (!result.layer) {
          const message = processFailure(spec, result.code);
          return failStep(env, vertex, ins, message, message);
        }
        return result.layer;
      },
    };
  }
  return prepareCopy(env, state, ins);
}

function prepareCopy(env: RunEnv, state: StageState, ins: Instruction): Prepared {
  const ctx = env.ctx;
  const parent = state.layers;
  const vars = expansionVars(state);
  const flags = flagMap(ins.flags);
  const words = ins.json ? [...ins.json] : processWords(ins.rest, vars);
  const heredocNames = new Set(ins.heredocs.map((h) => `<<${h.name}`));
  const fail = (m: string): never => {
    throw new DockerfileSyntaxError(m, ins.startLine, ins.endLine);
  };
  if (words.length < 2) fail(`${ins.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
  const rawDest = words[words.length - 1];
  const sources = words.slice(0, -1).filter((s) => !/^<<-?/.test(s) || !heredocNames.has(s.replace(/^<<-/, '<<').replace(/["']/g, '')));
  const heredocs = ins.heredocs
    .filter((h) => words.some((w) => w.replace(/^<<-/, '<<').replace(/["']/g, '') === `<<${h.name}`))
    .map((h) => ({ name: h.name, content: h.expand ? heredocBody(h.content, vars, fail) : h.content }));
  if (ins.keyword === 'ADD' && sources.some((s) => /^(https?|git):\/\//.test(s) || s.startsWith('git@'))) {
    fail('ADD from a URL is not supported in Slipway: download the file into the build context and COPY it instead');
  }
  const dest = rawDest.startsWith('/') ? rawDest : `${state.config.WorkingDir || '/'}/${rawDest}`.replace(/\/\/+/g, '/');
  if (sources.length + heredocs.length > 1 && !dest.endsWith('/')) {
    fail('When using COPY with more than one source file, the destination must be a directory and end with a /');
  }
  const chownSpec = flags.get('chown');
  const chmodSpec = flags.get('chmod');
  const from = flags.get('from');
  let selected: SourceSet | { readonly missing: string };
  let fromKey = '';
  if (from !== undefined) {
    const stageIndex = stageIndexOf(from, env.stageNames, Number.MAX_SAFE_INTEGER);
    const result = stageIndex === undefined ? undefined : env.results.get(stageIndex);
    const image = result ? undefined : ctx.images.find(from);
    if (!result && !image) fail(`failed to resolve source metadata for ${from}: not found`);
    const layers = result ? result.layers : image!.layers;
    fromKey = result ? result.key : image!.id;
    selected = selectFromFs(ctx.images.rootfs(layers), sources);
  } else {
    selected = env.context ? selectFromContext(env.context, sources) : { missing: `/${sources[0] ?? ''}` };
  }
  const historyParts = [ins.keyword];
  if (flags.has('parents')) historyParts.push('--parents');
  if (chownSpec) historyParts.push(`--chown=${chownSpec}`);
  if (chmodSpec) historyParts.push(`--chmod=${chmodSpec}`);
  historyParts.push(...sources, ...heredocs.map((h) => `<<${h.name}`), rawDest);
  const op = JSON.stringify({ sources, dest, chown: chownSpec, chmod: chmodSpec, from: fromKey, heredocs: heredocs.map((h) => h.content) });
  const history = `${historyParts.join(' ')} # buildkit`;
  if ('missing' in selected) {
    const message = `failed to calculate checksum of ref ${refId(env)}::${refId(env)}: "${selected.missing}": not found`;
    return {
      inputs: { kind: ins.keyword as 'COPY' | 'ADD', op },
      history,
      perform: () => Promise.reject(new Error(message)),
      keyError: { vertex: message, solve: `failed to compute cache key: ${message}` },
    };
  }
  const set = selected;
  let chmod: number | undefined;
  if (chmodSpec !== undefined) {
    if (!/^[0-7]{3,4}$/.test(chmodSpec)) fail(`invalid chmod parameter: ${chmodSpec}`);
    chmod = parseInt(chmodSpec, 8);
  }
  return {
    inputs: { kind: ins.keyword as 'COPY' | 'ADD', op, files: set.files },
    history,
    perform: async (vertex) => {
      let bytes = 0;
      for (const root of set.roots) for (const e of root.entries) if (e.kind === 'file') bytes += e.read().length;
      await ctx.clock.sleep(30 + Math.min(1500, Math.round(bytes / 50_000)) + ctx.ids.int(40), env.cancel);
      let chown: { uid: number; gid: number } | undefined;
      if (chownSpec) {
        const owner = resolveChown(ctx.images.rootfs(parent), chownSpec);
        if ('error' in owner) return failStep(env, vertex, ins, owner.error, owner.error);
        chown = owner;
      }
      return copyIntoLayer(ctx.images, parent, set.roots, { dest, chmod, chown }, heredocs);
    },
  };
}

/** BuildKit's ExpandRaw: an unquoted delimiter expands the stage's variables in the body, quotes left as written. */
function heredocBody(content: string, vars: ReadonlyMap<string, string>, fail: (message: string) => never): string {
  try {
    return expandHeredocContent(content, vars);
  } catch (err) {
    if (err instanceof ShellLexError) fail(err.message);
    throw err;
  }
}
