/**
 * From an argv[0] to the program that implements it, the way runc's exec does
 * it: PATH lookup in the container's file system, then the file decides what
 * runs (a `#!slipway <name>` placeholder, a `#!` script, or a known basename).
 */
import { basename, resolvePath } from '../../os/path.js';
import type { Vfs } from '../../os/vfs.js';
import type { ProgramRegistry } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import type { Program } from './types.js';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The process could not be executed. `detail` is runc's innermost text
 * (`exec: "foo": executable file not found in $PATH`); callers wrap it in the
 * create-task or exec prefix. `exitCode` is Docker's classification (127/126).
 */
export class ExecError extends EngineError {
  constructor(
    readonly detail: string,
    exitCode: number,
  ) {
    super(detail, 'startFailed', exitCode);
    this.name = 'ExecError';
  }
}

/** `docker run`/`start`: the daemon's wording (containerd 2 + runc 1.2+). */
export function startFailureMessage(error: ExecError): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${error.detail}: unknown`;
}

/** `docker exec`: the wording runc gives for an exec'd process. */
export function execFailureMessage(error: ExecError): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${error.detail}: unknown`;
}

function pathFromEnv(env: readonly string[] | ReadonlyMap<string, string>): string {
  if (env instanceof Map) return env.get('PATH') ?? DEFAULT_PATH;
  for (const entry of env as readonly string[]) if (entry.startsWith('PATH=')) return entry.slice(5);
  return DEFAULT_PATH;
}

function checkExecutable(fs: Vfs, path: string, shown: string): void {
  const stat = fs.stat(path);
  if (!stat) throw new ExecError(`exec: "${shown}": stat ${path}: no such file or directory`, 127);
  if (stat.kind === 'dir') throw new ExecError(`exec: "${shown}": is a directory`, 126);
  if ((stat.mode & 0o111) === 0) throw new ExecError(`exec: "${shown}": permission denied`, 126);
}

/** Finds the executable file for argv[0] (Go's exec.LookPath semantics). Throws ExecError. */
export function lookPath(fs: Vfs, command: string, env: readonly string[] | ReadonlyMap<string, string>, cwd: string): string {
  if (command === '') throw new ExecError(`exec: "": executable file not found in $PATH`, 127);
  if (command.includes('/')) {
    const path = resolvePath(cwd || '/', command);
    checkExecutable(fs, path, command);
    return path;
  }
  for (const dir of pathFromEnv(env).split(':')) {
    const path = resolvePath(cwd || '/', `${dir || '.'}/${command}`);
    const stat = fs.stat(path);
    if (stat && stat.kind === 'file' && (stat.mode & 0o111) !== 0) return path;
  }
  throw new ExecError(`exec: "${command}": executable file not found in $PATH`, 127);
}

/** What actually runs once the file is known. */
export interface Resolved {
  readonly program: Program;
  /** argv as the program sees it (a script's interpreter is prepended). */
  readonly argv: readonly string[];
}

const MAX_INTERPRETER_DEPTH = 4;

function firstLine(fs: Vfs, path: string): string {
  const data = fs.readFile(path);
  const head = new TextDecoder().decode(data.subarray(0, Math.min(data.length, 256)));
  const end = head.indexOf('\n');
  return end < 0 ? head : head.slice(0, end);
}

/**
 * Picks the implementation for an executable file. Placeholders in image
 * layers say `#!slipway <name>`; a multi-call binary (busybox) runs the applet
 * named by argv[0]; a `#!` script runs its interpreter; a known basename runs
 * the registered program.
 */
export function selectProgram(fs: Vfs, path: string, argv: readonly string[], registry: ProgramRegistry, env: readonly string[] | ReadonlyMap<string, string>, cwd: string, depth = 0): Resolved {
  const invoked = basename(argv[0] ?? path);
  const line = firstLine(fs, path);
  const marker = /^#!slipway\s+(\S+)/.exec(line);
  if (marker) {
    const name = marker[1];
    if (name === 'busybox' && invoked !== 'busybox' && registry.lookup(invoked)) return { program: registry.lookup(invoked)!, argv };
    const program = registry.lookup(name);
    if (program) return { program, argv };
  }
  const named = registry.lookup(invoked) ?? registry.lookup(basename(path));
  if (named && (marker || !line.startsWith('#!') || isBuiltinScript(invoked))) return { program: named, argv };
  if (!marker && line.startsWith('#!') && depth < MAX_INTERPRETER_DEPTH) {
    const parts = line.slice(2).replace(/^[ \t]+|[ \t]+$/g, '').split(/[ \t]+/).filter(Boolean);
    if (parts.length > 0) {
      // execve reports a missing interpreter (or one spelled `/bin/sh\r` by CRLF line ends) as the script being missing.
      const interpreter = fs.stat(parts[0])?.kind === 'file' ? parts[0] : undefined;
      if (!interpreter) throw new ExecError(`exec ${path}: no such file or directory`, 127);
      const interpArgv = [parts[0], ...parts.slice(1), path, ...argv.slice(1)];
      return selectProgram(fs, interpreter, interpArgv, registry, env, cwd, depth + 1);
    }
  }
  if (named) return { program: named, argv };
  throw new ExecError(`exec: "${argv[0] ?? path}": exec format error`, 126);
}

/** Image entrypoint scripts that Slipway implements natively even when the layer holds the real script text. */
function isBuiltinScript(name: string): boolean {
  return name === 'docker-entrypoint.sh';
}
