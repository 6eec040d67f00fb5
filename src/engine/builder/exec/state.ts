/** The mutable state of one stage while its instructions are dispatched. */
import type { ContainerConfigFields, HistoryEntry } from '../../api.js';
import type { Layer } from '../../context.js';

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';

export interface StageState {
  readonly label: string;
  readonly total: number;
  /** Steps numbered so far (`n` of `[n/m]`). */
  stepIndex: number;
  layers: Layer[];
  config: ContainerConfigFields;
  history: HistoryEntry[];
  author?: string;
  architecture: string;
  os: string;
  /** Cache key of the current filesystem state. */
  key: string;
  /** The key the stage started from (its base image or stage). */
  readonly baseKey: string;
  /** ARGs declared in this stage, in declaration order, with their values. */
  args: Map<string, string>;
  /** Whether CMD was set in this stage (ENTRYPOINT keeps it then). */
  cmdSet: boolean;
  /** Time of the newest layer so far; metadata history entries take it. */
  lastLayerTime: number;
  /** Index of the first step of this stage that missed the cache. */
  firstMiss?: number;
}

/** ENV as a map, for expansion and for RUN's environment. */
export function envMap(state: StageState): Map<string, string> {
  const out = new Map<string, string>();
  for (const kv of state.config.Env ?? []) {
    const eq = kv.indexOf('=');
    out.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
  }
  return out;
}

/** Variables for word expansion: ARGs, overridden by ENV (BuildKit's precedence). */
export function expansionVars(state: StageState): Map<string, string> {
  const out = new Map(state.args);
  for (const [k, v] of envMap(state)) out.set(k, v);
  return out;
}

export function setEnv(state: StageState, key: string, value: string): void {
  const env = [...(state.config.Env ?? [])];
  const at = env.findIndex((kv) => kv === key || kv.startsWith(`${key}=`));
  if (at >= 0) env[at] = `${key}=${value}`;
  else env.push(`${key}=${value}`);
  state.config.Env = env;
}

export function cloneConfig(config: ContainerConfigFields): ContainerConfigFields {
  return JSON.parse(JSON.stringify(config)) as ContainerConfigFields;
}
