import type { Instruction, Stage } from '../instructions/types.js';
import { suggest } from '../instructions/suggest.js';
import { ShellLex } from '../shell/lex.js';
import type { LintCollector, LintOptions } from './lint.js';
import { RULES } from './rules.js';

const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_ALLOW = /(?:_|^)(?:public)(?:_|$)/i;

export function isSecretKey(key: string): boolean {
  return !SECRET_ALLOW.test(key) && SECRET.test(key);
}

interface StageState {
  env: Map<string, string>;
  /** False when the base image's env is unknown: UndefinedVar is skipped. */
  envKnown: boolean;
  shellSet: boolean;
}

/** Words each instruction expands at dispatch, as BuildKit's Expand methods do. */
function expandedWords(cmd: Instruction): string[] {
  switch (cmd.kind) {
    case 'ENV':
      return cmd.env.flatMap((p) => [p.key, p.value]);
    case 'LABEL':
      return cmd.labels.flatMap((p) => [p.key, p.value]);
    case 'ARG':
      return cmd.args.flatMap((a) => (a.value === undefined ? [a.key] : [a.key, a.value]));
    case 'WORKDIR':
      return [cmd.path];
    case 'USER':
      return [cmd.user];
    case 'EXPOSE':
      return cmd.ports;
    case 'VOLUME':
      return cmd.volumes;
    case 'STOPSIGNAL':
      return [cmd.signal];
    case 'COPY':
    case 'ADD':
      return [...cmd.sourcePaths, cmd.dest, cmd.chown, cmd.chmod].filter((w) => w !== '');
    default:
      return [];
  }
}

/** The per-stage checks BuildKit runs while dispatching instructions. */
export function dispatchChecks(
  stages: Stage[],
  globalArgs: Map<string, string>,
  escapeToken: string,
  lint: LintCollector,
  options: LintOptions,
): void {
  const lex = new ShellLex(escapeToken);
  const finished = new Map<string, StageState>();
  for (const st of stages) {
    const parent = finished.get(st.baseName.toLowerCase());
    let state: StageState;
    if (parent) {
      state = { env: new Map(parent.env), envKnown: parent.envKnown, shellSet: parent.shellSet };
    } else if (st.baseName === 'scratch') {
      state = { env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]), envKnown: true, shellSet: false };
    } else {
      const base = options.baseImageEnv?.(st.baseName);
      state = { env: new Map(Object.entries(base ?? {})), envKnown: base !== undefined, shellSet: false };
    }
    const buildArgs = new Map<string, string>();
    let workdirSet = false;
    const usedOnce = new Map<string, { startLine: number; endLine: number }>();

    for (const cmd of st.commands) {
      const scope = new Map([...buildArgs, ...state.env]);
      const unmatched = new Set<string>();
      for (const word of expandedWords(cmd)) {
        try {
          for (const name of lex.process(word, scope).unmatched) unmatched.add(name);
        } catch {
          /* expansion errors fail the build elsewhere */
        }
      }
      if (state.envKnown) {
        for (const name of unmatched) {
          if (buildArgs.has(name)) continue;
          lint.run(RULES.UndefinedVar, cmd, name, suggest(name, [...state.env.keys()], true) ?? '');
        }
      }
      const expand = (w: string) => {
        try {
          return lex.processWord(w, scope);
        } catch {
          return w;
        }
      };

      switch (cmd.kind) {
        case 'ENV':
          for (const p of cmd.env) {
            if (isSecretKey(p.key)) lint.run(RULES.SecretsUsedInArgOrEnv, cmd, 'ENV', p.key);
            state.env.set(expand(p.key), expand(p.value));
          }
          break;
        case 'ARG':
          for (const a of cmd.args) {
            if (isSecretKey(a.key)) lint.run(RULES.SecretsUsedInArgOrEnv, cmd, 'ARG', a.key);
            const value = a.value !== undefined ? expand(a.value) : (globalArgs.get(a.key) ?? '');
            buildArgs.set(a.key, value);
          }
          break;
        case 'WORKDIR': {
          const path = expand(cmd.path);
          if (!workdirSet && !path.startsWith('/')) lint.run(RULES.WorkdirRelativePath, cmd, path);
          workdirSet = true;
          break;
        }
        case 'SHELL':
          state.shellSet = true;
          break;
        case 'EXPOSE':
          for (const raw of cmd.ports) checkExposePort(expand(raw), cmd, lint);
          break;
        case 'CMD':
        case 'ENTRYPOINT':
        case 'HEALTHCHECK': {
          const prev = usedOnce.get(cmd.kind);
          if (prev) lint.run(RULES.MultipleInstructionsDisallowed, prev, cmd.keyword);
          usedOnce.set(cmd.kind, cmd);
          if (cmd.kind !== 'HEALTHCHECK' && cmd.prependShell && !state.shellSet) {
            lint.run(RULES.JSONArgsRecommended, cmd, cmd.keyword);
          }
          break;
        }
        default:
          break;
      }
    }
    if (st.name !== '') finished.set(st.name, state);
  }
}

/** convert_expose.go: `[ip:]hostPort:containerPort[/proto]`. */
function checkExposePort(rawPort: string, loc: { startLine: number; endLine: number }, lint: LintCollector): void {
  const parts = rawPort.split(':');
  const ip = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
  const slash = parts[parts.length - 1].split('/');
  const proto = slash.length > 1 && slash[1] !== '' ? slash[1] : 'tcp';
  if (proto !== proto.toLowerCase()) lint.run(RULES.ExposeProtoCasing, loc, rawPort);
  if (ip !== '' || hostPort !== '') lint.run(RULES.ExposeInvalidFormat, loc, rawPort);
}
