/**
 * Instructions that only edit the image config (ENV, LABEL, EXPOSE, CMD, …).
 * Each returns its history `created_by` text in BuildKit's exact format, or
 * undefined when BuildKit writes no history entry (ONBUILD).
 */
import { DockerfileSyntaxError, flagMap, type Instruction } from '../source/instruction.js';
import { parseKeyValues, processWord, processWords } from '../source/words.js';
import { goDuration, goQuoteRune, goQuoteSlice, goSetMap, goSlice, parseGoDuration } from './goFormat.js';
import { expansionVars, setEnv, type StageState } from './state.js';

export function shellOf(state: StageState): string[] {
  return state.config.Shell && state.config.Shell.length > 0 ? [...state.config.Shell] : ['/bin/sh', '-c'];
}

/** Exec form as written, or shell form wrapped in the current SHELL. */
export function commandArgs(state: StageState, ins: Instruction): string[] {
  return ins.json ? [...ins.json] : [...shellOf(state), ins.rest];
}

export function applyMetadata(state: StageState, ins: Instruction, buildArgs: Readonly<Record<string, string>>, metaArgs: ReadonlyMap<string, string>): string | undefined {
  const vars = expansionVars(state);
  const fail = (message: string): never => {
    throw new DockerfileSyntaxError(message, ins.startLine, ins.endLine);
  };
  switch (ins.keyword) {
    case 'ENV': {
      const pairs = parseKeyValues(ins.rest, vars, true);
      if (pairs.length === 0) fail('ENV names can not be blank');
      const parts: string[] = [];
      for (const [key, value] of pairs) {
        if (value === undefined) fail(`ENV must have two arguments`);
        setEnv(state, key, value!);
        parts.push(`${key}=${value}`);
      }
      return `ENV ${parts.join(' ')}`;
    }
    case 'ARG': {
      const parts: string[] = [];
      for (const [key, def] of parseKeyValues(ins.rest, vars, false)) {
        const value = buildArgs[key] ?? def ?? metaArgs.get(key);
        if (value !== undefined) state.args.set(key, value);
        // History shows the Dockerfile's default, never a --build-arg override (dispatchArg).
        parts.push(def !== undefined ? `${key}=${def}` : key);
      }
      return `ARG ${parts.join(' ')}`;
    }
    case 'LABEL': {
      const labels = { ...(state.config.Labels ?? {}) };
      const parts: string[] = [];
      for (const [key, value] of parseKeyValues(ins.rest, vars, true)) {
        labels[key] = value ?? '';
        parts.push(`${key}=${value ?? ''}`);
      }
      state.config.Labels = labels;
      return `LABEL ${parts.join(' ')}`;
    }
    case 'EXPOSE': {
      const ports: string[] = [];
      for (const word of processWords(ins.rest, vars)) ports.push(...exposedPorts(word, fail));
      const map = { ...(state.config.ExposedPorts ?? {}) };
      for (const p of ports) map[p] = {};
      state.config.ExposedPorts = map;
      return `EXPOSE ${goSetMap(ports)}`;
    }
    case 'CMD': {
      const args = commandArgs(state, ins);
      state.config.Cmd = args;
      state.config.ArgsEscaped = true;
      state.cmdSet = true;
      return `CMD ${goQuoteSlice(args)}`;
    }
    case 'ENTRYPOINT': {
      const args = commandArgs(state, ins);
      state.config.Entrypoint = args;
      if (!state.cmdSet) state.config.Cmd = null;
      return `ENTRYPOINT ${goQuoteSlice(args)}`;
    }
    case 'USER': {
      const user = processWord(ins.rest, vars);
      state.config.User = user;
      return `USER ${user}`;
    }
    case 'VOLUME': {
      const paths = ins.json ? [...ins.json] : processWords(ins.rest, vars);
      const volumes = { ...(state.config.Volumes ?? {}) };
      for (const p of paths) volumes[p] = {};
      state.config.Volumes = volumes;
      return `VOLUME ${goSlice(paths)}`;
    }
    case 'SHELL': {
      if (!ins.json) fail('SHELL requires the arguments to be in JSON form');
      state.config.Shell = [...ins.json!];
      return `SHELL ${goSlice(ins.json!)}`;
    }
    case 'STOPSIGNAL': {
      const signal = processWord(ins.rest, vars);
      state.config.StopSignal = signal;
      return `STOPSIGNAL ${signal}`;
    }
    case 'HEALTHCHECK':
      return applyHealthcheck(state, ins, fail);
    case 'ONBUILD':
      state.config.OnBuild = [...(state.config.OnBuild ?? []), ins.rest];
      return undefined;
    case 'MAINTAINER':
      state.author = processWord(ins.rest, vars);
      return `MAINTAINER ${state.author}`;
    default:
      return fail(`unknown instruction: ${ins.keyword}`);
  }
}

function exposedPorts(word: string, fail: (m: string) => never): string[] {
  const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(word);
  if (!m) return fail(`invalid containerPort: ${word}`);
  const proto = (m[3] ?? 'tcp').toLowerCase();
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  const out: string[] = [];
  for (let p = from; p <= to; p++) out.push(`${p}/${proto}`);
  return out;
}

function applyHealthcheck(state: StageState, ins: Instruction, fail: (m: string) => never): string {
  const rest = ins.rest.trim();
  if (/^none$/i.test(rest)) {
    state.config.Healthcheck = { Test: ['NONE'] };
    return `HEALTHCHECK &{${goQuoteSlice(['NONE'])} "0s" "0s" "0s" "0s" '\\x00'}`;
  }
  const m = /^CMD\s+([\s\S]*)$/i.exec(rest);
  if (!m) return fail('Unknown type "' + rest.split(/\s+/)[0] + '" in HEALTHCHECK (try CMD)');
  const body = m[1];
  let test: string[];
  try {
    const json: unknown = body.startsWith('[') ? JSON.parse(body) : undefined;
    test = Array.isArray(json) ? ['CMD', ...(json as string[])] : ['CMD-SHELL', body];
  } catch {
    test = ['CMD-SHELL', body];
  }
  const flags = flagMap(ins.flags);
  const duration = (name: string): number => {
    const v = flags.get(name);
    if (v === undefined) return 0;
    const ns = parseGoDuration(v);
    return ns === undefined ? fail(`time: invalid duration "${v}"`) : ns;
  };
  const interval = duration('interval');
  const timeout = duration('timeout');
  const startPeriod = duration('start-period');
  const startInterval = duration('start-interval');
  const retries = Number(flags.get('retries') ?? 0);
  state.config.Healthcheck = {
    Test: test,
    ...(interval ? { Interval: interval } : {}),
    ...(timeout ? { Timeout: timeout } : {}),
    ...(startPeriod ? { StartPeriod: startPeriod } : {}),
    ...(startInterval ? { StartInterval: startInterval } : {}),
    ...(retries ? { Retries: retries } : {}),
  };
  const durations = [interval, timeout, startPeriod, startInterval].map((d) => `"${goDuration(d)}"`).join(' ');
  return `HEALTHCHECK &{${goQuoteSlice(test)} ${durations} ${goQuoteRune(retries)}}`;
}
