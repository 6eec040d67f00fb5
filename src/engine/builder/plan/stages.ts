/**
 * Splits instructions into stages, resolves FROM (meta ARGs, earlier stage
 * names, scratch), picks the target and the stages it depends on, and counts
 * each stage's steps the way BuildKit numbers `[n/m]`.
 */
import { DockerfileSyntaxError, flagMap, type Instruction } from '../source/instruction.js';
import { parseKeyValues, processWord } from '../source/words.js';

export type StageBase =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'stage'; readonly index: number }
  | { readonly kind: 'image'; readonly ref: string };

export interface StagePlan {
  readonly index: number;
  /** Lower-cased `AS` name, if any. */
  readonly name?: string;
  /** Prefix in step names (`build`, `stage-1`); '' for a single-stage Dockerfile. */
  readonly label: string;
  readonly from: Instruction;
  readonly base: StageBase;
  readonly instructions: readonly Instruction[];
  /** `m` of `[n/m]`. */
  readonly total: number;
  /**
   * `m` in the FROM vertex's name: BuildKit names FROM before it adds the base
   * image's ONBUILD triggers to the count, so it can be less than `total`.
   */
  readonly fromTotal?: number;
}

export interface BuildPlan {
  readonly stages: readonly StagePlan[];
  /** Meta ARGs (before the first FROM) with their values after --build-arg. */
  readonly metaArgs: ReadonlyMap<string, string>;
  /** Stage indexes to build, dependencies first; the last is the target. */
  readonly order: readonly number[];
}

const STEP_KEYWORDS = new Set(['ADD', 'COPY', 'RUN', 'WORKDIR']);

export function planBuild(instructions: readonly Instruction[], buildArgs: Readonly<Record<string, string>>, target?: string): BuildPlan {
  const metaArgs = new Map<string, string>();
  const stages: StagePlan[] = [];
  let i = 0;
  for (; i < instructions.length && instructions[i].keyword !== 'FROM'; i++) {
    const ins = instructions[i];
    if (ins.keyword !== 'ARG') throw new DockerfileSyntaxError('no build stage in current context', ins.startLine, ins.endLine);
    for (const [key, value] of parseKeyValues(ins.rest, metaArgs, false)) {
      const v = buildArgs[key] ?? value;
      if (v !== undefined) metaArgs.set(key, v);
    }
  }
  if (i >= instructions.length) throw new DockerfileSyntaxError('dockerfile contains no stages to build', 1);
  const raw: { from: Instruction; body: Instruction[] }[] = [];
  for (; i < instructions.length; i++) {
    const ins = instructions[i];
    if (ins.keyword === 'FROM') raw.push({ from: ins, body: [] });
    else raw[raw.length - 1].body.push(ins);
  }
  const names = new Map<string, number>();
  raw.forEach(({ from, body }, index) => {
    const words = from.rest.split(/\s+/).filter((w) => w !== '');
    if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
      throw new DockerfileSyntaxError('FROM requires either one or three arguments', from.startLine, from.endLine);
    }
    const image = processWord(words[0], metaArgs);
    const name = words.length === 3 ? words[2].toLowerCase() : undefined;
    let base: StageBase;
    if (image === '') throw new DockerfileSyntaxError(`base name (${words[0]}) should not be blank`, from.startLine, from.endLine);
    if (image.toLowerCase() === 'scratch') base = { kind: 'scratch' };
    else if (names.has(image.toLowerCase())) base = { kind: 'stage', index: names.get(image.toLowerCase())! };
    else base = { kind: 'image', ref: image };
    const steps = body.filter((b) => STEP_KEYWORDS.has(b.keyword)).length;
    stages.push({
      index,
      name,
      label: raw.length > 1 ? (name ?? `stage-${index}`) : '',
      from,
      base,
      instructions: body,
      total: steps + (base.kind === 'image' ? 1 : 0),
    });
    if (name !== undefined) names.set(name, index);
  });
  let targetIndex = stages.length - 1;
  if (target !== undefined && target !== '') {
    const found = names.get(target.toLowerCase());
    if (found === undefined) throw new DockerfileSyntaxError(`target stage "${target}" could not be found`, 0);
    targetIndex = found;
  }
  const order: number[] = [];
  const visit = (index: number): void => {
    if (order.includes(index)) return;
    const stage = stages[index];
    if (stage.base.kind === 'stage') visit(stage.base.index);
    for (const ins of stage.instructions) {
      const from = ins.keyword === 'COPY' || ins.keyword === 'ADD' ? flagMap(ins.flags).get('from') : undefined;
      const dep = from === undefined ? undefined : stageIndexOf(from, names, index);
      if (dep !== undefined) visit(dep);
    }
    order.push(index);
  };
  visit(targetIndex);
  return { stages, metaArgs, order };
}

/** `--from=build` or `--from=0` naming an earlier stage; undefined means an image reference. */
export function stageIndexOf(from: string, names: ReadonlyMap<string, number>, before: number): number | undefined {
  const byName = names.get(from.toLowerCase());
  if (byName !== undefined && byName < before) return byName;
  if (/^\d+$/.test(from) && Number(from) < before) return Number(from);
  return undefined;
}

export function stageNames(plan: BuildPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of plan.stages) if (s.name !== undefined) out.set(s.name, s.index);
  return out;
}
