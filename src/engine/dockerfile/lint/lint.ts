import { nodeArgs, parseInstruction } from '../instructions/parse.js';
import type { ArgInstruction, Instruction, Stage } from '../instructions/types.js';
import type { ParseResult } from '../parser/types.js';
import { ShellLex } from '../shell/lex.js';
import { dispatchChecks } from './dispatch.js';
import { RULES, type Rule } from './rules.js';
import type { LintWarning } from './types.js';
import { suggest } from '../instructions/suggest.js';

export interface LintOptions {
  /**
   * The environment of an external base image (its Config.Env as a record),
   * for UndefinedVar; return undefined when unknown and the stage is skipped.
   */
  baseImageEnv?: (baseName: string) => Readonly<Record<string, string>> | undefined;
  /** Values of the automatic platform ARGs; defaults to linux/amd64. */
  platform?: { os: string; arch: string; variant?: string };
}

export class LintCollector {
  readonly warnings: LintWarning[] = [];
  run<A extends unknown[]>(rule: Rule<A>, loc: { startLine: number; endLine: number }, ...args: A): void {
    this.warnings.push({
      rule: rule.name,
      message: rule.format(...args),
      description: rule.description,
      line: loc.startLine,
      endLine: loc.endLine,
      url: rule.url,
    });
  }
}

const isSelfConsistent = (s: string) => s === s.toLowerCase() || s === s.toUpperCase();

export function platformArgs(platform: LintOptions['platform'] = { os: 'linux', arch: 'amd64' }): Record<string, string> {
  const p = `${platform.os}/${platform.arch}${platform.variant ? '/' + platform.variant : ''}`;
  const v = platform.variant ?? '';
  return {
    BUILDPLATFORM: p, BUILDOS: platform.os, BUILDARCH: platform.arch, BUILDVARIANT: v,
    TARGETPLATFORM: p, TARGETOS: platform.os, TARGETARCH: platform.arch, TARGETVARIANT: v,
  };
}

/**
 * BuildKit's build checks over a parsed Dockerfile, in the order BuildKit
 * emits them: parser warnings, per-instruction checks, stage-name and
 * casing checks, FROM argument checks, then the per-stage dispatch checks.
 * An instruction that does not parse ends the checks (the build fails there).
 */
export function lintDockerfile(result: ParseResult, options: LintOptions = {}): LintWarning[] {
  const skip = skippedRules(result.directives.check);
  if (skip.has('all')) return [];
  return collect(result, options).filter((w) => !skip.has(w.rule.toLowerCase()));
}

/** Rules disabled by `# check=skip=RuleA,RuleB` (or `skip=all`), lowercased. */
export function skippedRules(check: string | undefined): Set<string> {
  const skip = new Set<string>();
  for (const part of (check ?? '').split(';')) {
    const [key, value] = part.split('=', 2).map((s) => s.trim());
    if (key?.toLowerCase() !== 'skip' || value === undefined) continue;
    for (const name of value.split(',')) if (name.trim() !== '') skip.add(name.trim().toLowerCase());
  }
  return skip;
}

function collect(result: ParseResult, options: LintOptions): LintWarning[] {
  const lint = new LintCollector();
  for (const w of result.warnings) {
    if (w.url === RULES.NoEmptyContinuation.url) {
      lint.run(RULES.NoEmptyContinuation, { startLine: w.location.start.line, endLine: w.location.end.line });
    }
  }
  const stages: Stage[] = [];
  const metaArgs: ArgInstruction[] = [];
  for (const node of result.ast.children) {
    let cmd: Instruction | Stage;
    try {
      cmd = parseInstructionWithLint(node, lint);
    } catch {
      return lint.warnings;
    }
    if (cmd.kind === 'FROM') stages.push(cmd);
    else if (stages.length > 0) stages[stages.length - 1].commands.push(cmd);
    else if (cmd.kind === 'ARG') metaArgs.push(cmd);
    else return lint.warnings;
  }
  if (stages.length === 0) return lint.warnings;

  validateStageNames(stages, lint);
  validateCommandCasing(stages, lint);
  const globalArgs = new Map<string, string>(Object.entries(platformArgs(options.platform)));
  const lex = new ShellLex(result.escapeToken);
  for (const arg of metaArgs) {
    for (const a of arg.args) {
      let value = a.value;
      if (value !== undefined) {
        try {
          value = lex.processWord(value, globalArgs);
        } catch {
          /* the build reports the expansion error */
        }
      }
      globalArgs.set(a.key, value ?? '');
    }
  }
  validateBaseImagesWithDefaultArgs(stages, lex, globalArgs, lint);
  const declared = [...globalArgs.keys()];
  for (const st of stages) checkFromArgs(st, lex, globalArgs, declared, lint);
  dispatchChecks(stages, globalArgs, result.escapeToken, lint, options);
  return lint.warnings;
}

function parseInstructionWithLint(node: ParseResult['ast'], lint: LintCollector): Instruction | Stage {
  if (node.value.toLowerCase() === 'from') {
    // BuildKit runs these before FROM's own argument checks.
    const args = nodeArgs(node);
    const loc = { startLine: node.startLine, endLine: node.endLine };
    if (args.length === 3 && args[2] !== args[2].toLowerCase()) lint.run(RULES.StageNameCasing, loc, args[2]);
    const kw = node.value;
    if (args.length >= 3 && isSelfConsistent(kw)) {
      const as = args[1];
      const ok = kw === kw.toLowerCase() ? as === as.toLowerCase() : as === as.toUpperCase();
      if (!ok) lint.run(RULES.FromAsCasing, loc, kw, as);
    }
  }
  const cmd = parseInstruction(node);
  if (cmd.kind === 'MAINTAINER') {
    lint.run(RULES.MaintainerDeprecated, cmd);
  } else if ((cmd.kind === 'ENV' || cmd.kind === 'LABEL') && cmd.legacy) {
    lint.run(RULES.LegacyKeyValueFormat, cmd, cmd.keyword);
  }
  return cmd;
}

const RESERVED_STAGE_NAMES = new Set(['context', 'scratch']);

function validateStageNames(stages: Stage[], lint: LintCollector): void {
  const seen = new Set<string>();
  for (const st of stages) {
    if (st.name === '') continue;
    if (RESERVED_STAGE_NAMES.has(st.name)) lint.run(RULES.ReservedStageName, st, st.name);
    if (seen.has(st.name)) lint.run(RULES.DuplicateStageName, st, st.name);
    seen.add(st.name);
  }
}

function validateCommandCasing(stages: Stage[], lint: LintCollector): void {
  let lower = 0;
  let upper = 0;
  const names = stages.flatMap((st) => [st as Stage | Instruction, ...st.commands]);
  for (const c of names) {
    if (!isSelfConsistent(c.keyword)) continue;
    if (c.keyword === c.keyword.toLowerCase()) lower++;
    else upper++;
  }
  const majorityLower = lower > upper;
  for (const c of names) {
    let casing = '';
    if (majorityLower && c.keyword.toLowerCase() !== c.keyword) casing = 'lowercase';
    else if (!majorityLower && c.keyword.toUpperCase() !== c.keyword) casing = 'uppercase';
    if (casing) lint.run(RULES.ConsistentInstructionCasing, c, c.keyword, casing);
  }
}

function checkFromArgs(st: Stage, lex: ShellLex, args: Map<string, string>, declared: string[], lint: LintCollector): void {
  const report = (unmatched: Set<string>) => {
    for (const name of unmatched) {
      if (args.has(name)) continue;
      lint.run(RULES.UndefinedArgInFrom, st, name, suggest(name, declared, true) ?? '');
    }
  };
  try {
    report(lex.process(st.baseName, args).unmatched);
  } catch {
    return;
  }
  if (st.platform === '') return;
  let res;
  try {
    res = lex.process(st.platform, args);
  } catch {
    return;
  }
  report(res.unmatched);
  if (res.matched.size === 1 && res.unmatched.size === 0 && res.matched.has('TARGETPLATFORM') && res.result === args.get('TARGETPLATFORM')) {
    lint.run(RULES.RedundantTargetPlatform, st, st.platform);
  }
  if (res.matched.size === 0 && res.unmatched.size === 0) {
    const parts = res.result.split('/');
    if (parts.length < 1 || parts.length > 3 || parts.some((p) => p === '')) return;
    const name = st.name.toLowerCase();
    if (parts.some((p) => name.includes(p.toLowerCase()))) return;
    lint.run(RULES.FromPlatformFlagConstDisallowed, st, res.result);
  }
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** distribution/reference's grammar, as ParseNormalizedNamed applies it. */
export function isValidReference(ref: string): boolean {
  return ref !== '' && REFERENCE.test(ref);
}

// With only the ARG defaults (no --build-arg), every base name must still be a valid reference.
function validateBaseImagesWithDefaultArgs(stages: Stage[], lex: ShellLex, args: Map<string, string>, lint: LintCollector): void {
  for (const st of stages) {
    let result: string;
    try {
      result = lex.processWord(st.baseName, args);
    } catch {
      return;
    }
    if (!isValidReference(result)) lint.run(RULES.InvalidDefaultArgInFrom, st, st.baseName);
  }
}
