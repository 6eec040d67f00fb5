/** The coreutils table: ordinary commands implemented in TypeScript, looked up after builtins. */
import type { ExternalCommand } from '../../os/process.js';
import { createCurl } from '../commands/curl.js';
import type { Runtime } from '../runtime.js';
import * as files from './files.js';
import { find } from './find.js';
import { grep } from './grep.js';
import { sed } from './sed.js';
import { ls } from './ls.js';
import * as system from './system.js';
import * as text from './text.js';

const TABLE: ReadonlyMap<string, ExternalCommand> = new Map<string, ExternalCommand>([
  ['cat', files.cat],
  ['ls', ls],
  ['mkdir', files.mkdir],
  ['rm', files.rm],
  ['rmdir', files.rmdir],
  ['cp', files.cp],
  ['mv', files.mv],
  ['touch', files.touch],
  ['ln', files.ln],
  ['chmod', files.chmod],
  ['basename', files.basenameCmd],
  ['dirname', files.dirnameCmd],
  ['head', text.head],
  ['tail', text.tail],
  ['wc', text.wc],
  ['sort', text.sort],
  ['uniq', text.uniq],
  ['cut', text.cut],
  ['tr', text.tr],
  ['tee', text.tee],
  ['seq', text.seq],
  ['grep', grep],
  ['find', find],
  ['sed', sed],
  ['yes', text.yes],
  ['less', files.cat],
  ['more', files.cat],
  ['date', system.date],
  ['uname', system.uname],
  ['whoami', system.whoami],
  ['id', system.id],
  ['hostname', system.hostname],
  ['sleep', system.sleep],
  ['clear', system.clear],
  ['printenv', system.printenv],
]);

/** The names `help`, `which` and completion can list. */
export const COREUTIL_NAMES: readonly string[] = [...TABLE.keys(), 'curl', 'env', 'sh', 'bash'].sort();

export function coreutil(name: string, rt: Runtime): ExternalCommand | undefined {
  if (name === 'curl') return createCurl(rt.http);
  return TABLE.get(name);
}
