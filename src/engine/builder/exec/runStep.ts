/**
 * RUN: the command runs through the engine's ProcessRunner on an overlay of
 * the parent layers; the overlay's diff becomes the step's layer.
 */
import type { CancelToken } from '../../../os/clock.js';
import type { CommandIO, InputStream, OutputStream } from '../../../os/process.js';
import type { EngineContext, Layer, LayerEntry, WritableRootfs } from '../../context.js';
import type { Instruction } from '../source/instruction.js';
import { goQuote } from './goFormat.js';
import { shellOf } from './metadata.js';
import { envMap, type StageState } from './state.js';
import type { Vertex } from './progress.js';

export interface RunSpec {
  readonly args: string[];
  /** ENV plus in-scope ARGs, as the ExecOp's env. */
  readonly env: string[];
  readonly cwd: string;
  readonly user: string;
}

export function runSpec(state: StageState, ins: Instruction): RunSpec {
  let args: string[];
  if (ins.json) args = [...ins.json];
  else if (ins.heredocs.length > 0 && /^<<-?["']?\w+["']?$/.test(ins.rest.trim())) {
    // `RUN <<EOF` alone: the heredoc body is the script.
    args = [...shellOf(state), ins.heredocs[0].content];
  } else if (ins.heredocs.length > 0) {
    args = [...shellOf(state), [ins.rest, ...ins.heredocs.map((h) => `${h.content}${h.name}`)].join('\n')];
  } else args = [...shellOf(state), ins.rest];
  const env = [...(state.config.Env ?? [])];
  const envKeys = envMap(state);
  for (const [k, v] of state.args) if (!envKeys.has(k)) env.push(`${k}=${v}`);
  return { args, env, cwd: state.config.WorkingDir || '/', user: state.config.User || 'root' };
}

/** BuildKit's runCommandString: `|2 A=1 B=2 /bin/sh -c cmd` when build ARGs are in scope. */
export function runHistory(state: StageState, spec: RunSpec): string {
  const env = envMap(state);
  const parts = [...state.args].map(([k, v]) => `${k}=${env.get(k) ?? v}`);
  const prefix = parts.length > 0 ? [`|${parts.length}`, ...parts] : [];
  return `RUN ${[...prefix, ...spec.args].join(' ')} # buildkit`;
}

export function processFailure(spec: RunSpec, code: number): string {
  return `process ${goQuote(spec.args.join(' '))} did not complete successfully: exit code: ${code}`;
}

const closedInput: InputStream = { read: () => Promise.resolve(null) };

export async function executeRun(ctx: EngineContext, parent: readonly Layer[], spec: RunSpec, vertex: Vertex, cancel: CancelToken): Promise<{ code: number; layer?: Layer }> {
  const fs = ctx.images.rootfs(parent);
  const hadDev = mountDevNull(fs);
  const out = (stream: 'stdout' | 'stderr'): OutputStream => ({ write: (text: string) => vertex.log(stream, text) });
  const io: CommandIO = { stdin: closedInput, stdout: out('stdout'), stderr: out('stderr'), signals: { on: () => () => undefined } };
  const code = await ctx.runner.run(
    { argv: spec.args, env: spec.env, cwd: spec.cwd, user: spec.user, tty: false, openStdin: false },
    fs,
    io,
    {
      killed: cancel,
      pid1: true,
      // Builds get a private network: a server may listen, but nothing can reach it.
      listen: (port) => ({ port, close: () => undefined }),
    },
  );
  if (code !== 0 || cancel.cancelled) return { code };
  return { code, layer: ctx.images.createLayer(withoutMountedDev(fs.diff(), hadDev)) };
}

const DEV_NULL = '/dev/null';

/**
 * BuildKit mounts /dev into every RUN container, so `/dev/null` exists for
 * programs that open it as a file. Here it is a plain empty file in the
 * step's overlay; it is created only when the image has none, and returns
 * whether /dev itself had to be made.
 */
function mountDevNull(fs: WritableRootfs): boolean {
  if (fs.stat(DEV_NULL)) return true;
  const hadDev = fs.stat('/dev')?.kind === 'dir';
  try {
    if (!hadDev) fs.mkdir('/dev', { recursive: true });
    fs.writeFile(DEV_NULL, new Uint8Array(0), { mode: 0o666 });
  } catch {
    // A read-only or odd rootfs just runs without it.
  }
  return hadDev;
}

/** Like a mount, the step's /dev leaves nothing in the layer unless the command put files there. */
function withoutMountedDev(diff: Map<string, LayerEntry>, hadDev: boolean): Map<string, LayerEntry> {
  diff.delete(DEV_NULL);
  // A /dev the image already had was only copied up by the file above; one made for the step goes too.
  if (![...diff.keys()].some((k) => k.startsWith('/dev/')) && (hadDev || diff.get('/dev')?.type === 'dir')) diff.delete('/dev');
  return diff;
}
