/** The builtin table, looked up before any command. */
import { loading, loadOnce } from '../../os/lazy.js';
import * as core from './core.js';
import { echo, printf } from './echo.js';
import type { Builtin } from './types.js';

/**
 * A builtin whose module is imported on its first use: no first command in
 * the browser needs them, so they stay out of the engine worker's first
 * download (PRODUCT.md §7). The import holds a virtual clock like any other.
 */
function lazy<M>(module: () => Promise<M>, pick: (m: M) => Builtin): Builtin {
  return async (args, env) => pick(await loading(env.sh.rt.clock, module()))(args, env);
}

const jobs = loadOnce(() => import('./jobs.js'));
const lookup = loadOnce(() => import('./lookup.js'));
const tests = loadOnce(() => import('./test.js'));
const xargsModule = loadOnce(() => import('./xargs.js'));

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['cd', core.cd],
  ['pwd', core.pwd],
  ['export', core.exportBuiltin],
  ['unset', core.unset],
  ['set', core.set],
  ['exit', core.exit],
  ['return', core.returnBuiltin],
  ['break', core.breakBuiltin],
  ['continue', core.continueBuiltin],
  ['shift', core.shift],
  ['local', core.local],
  ['true', core.trueBuiltin],
  [':', core.trueBuiltin],
  ['false', core.falseBuiltin],
  ['eval', core.evalBuiltin],
  ['source', core.source],
  ['.', core.source],
  ['echo', echo],
  ['printf', printf],
  ['test', lazy(tests, (m) => m.test)],
  ['[', lazy(tests, (m) => m.bracket)],
  ['[[', lazy(tests, (m) => m.doubleBracket)],
  ['read', lazy(jobs, (m) => m.read)],
  ['trap', lazy(jobs, (m) => m.trap)],
  ['wait', lazy(jobs, (m) => m.wait)],
  ['kill', lazy(jobs, (m) => m.kill)],
  ['jobs', lazy(jobs, (m) => m.jobsBuiltin)],
  ['type', lazy(lookup, (m) => m.type)],
  ['which', lazy(lookup, (m) => m.which)],
  ['command', lazy(lookup, (m) => m.command)],
  ['exec', lazy(lookup, (m) => m.exec)],
  ['history', lazy(lookup, (m) => m.history)],
  ['help', lazy(lookup, (m) => m.help)],
  ['env', lazy(lookup, (m) => m.env)],
  ['xargs', lazy(xargsModule, (m) => m.xargs)],
  ['alias', core.alias],
  ['let', core.letBuiltin],
  ['unalias', core.unalias],
]);
