/** The builtin table, looked up before any command. */
import * as core from './core.js';
import { echo, printf } from './echo.js';
import { kill, jobsBuiltin, read, trap, wait } from './jobs.js';
import { command, env, exec, help, history, type, which } from './lookup.js';
import { bracket, doubleBracket, test } from './test.js';
import type { Builtin } from './types.js';
import { xargs } from './xargs.js';

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
  ['test', test],
  ['[', bracket],
  ['[[', doubleBracket],
  ['read', read],
  ['trap', trap],
  ['wait', wait],
  ['kill', kill],
  ['jobs', jobsBuiltin],
  ['type', type],
  ['which', which],
  ['command', command],
  ['exec', exec],
  ['history', history],
  ['help', help],
  ['env', env],
  ['xargs', xargs],
  ['alias', core.alias],
  ['let', core.letBuiltin],
  ['unalias', core.unalias],
]);
