/** The coreutils table: ordinary commands implemented in TypeScript, looked up after builtins. */
import { SIGNAL_NUMBERS, type ExternalCommand, type SignalName } from '../../os/process.js';
import { loading, loadOnce } from '../../os/lazy.js';
import type { Runtime } from '../runtime.js';

/**
 * A utility whose module is imported on its first run: no first command in
 * the browser needs them, so they stay out of the worker's first download.
 */
function lazy(load: () => Promise<ExternalCommand>): ExternalCommand {
  const command = loadOnce(load);
  return async (argv, ctx) => {
    // These utilities keep the default action for SIGINT, SIGTERM and SIGKILL: the process dies of
    // the signal, so its status is 128 + the signal's number even when, as here, the code sees the
    // signal as an early end of input (`cat` at a terminal, then Ctrl-C: `$?` is 130, not 0).
    let killedBy: SignalName | undefined;
    const off = ctx.signals.on((sig) => {
      if (killedBy === undefined && FATAL.has(sig)) killedBy = sig;
    });
    try {
      const status = await (await loading(ctx.clock, command()))(argv, ctx);
      return killedBy === undefined ? status : 128 + SIGNAL_NUMBERS[killedBy];
    } finally {
      off();
    }
  };
}

const FATAL: ReadonlySet<SignalName> = new Set(['SIGINT', 'SIGTERM', 'SIGKILL', 'SIGHUP']);

const files = loadOnce(() => import('./files.js'));
const text = loadOnce(() => import('./text.js'));
const system = loadOnce(() => import('./system.js'));
const curl = loadOnce(() => import('../commands/curl.js'));

const TABLE: ReadonlyMap<string, ExternalCommand> = new Map<string, ExternalCommand>([
  ['cat', lazy(() => files().then((m) => m.cat))],
  ['ls', lazy(() => import('./ls.js').then((m) => m.ls))],
  ['mkdir', lazy(() => files().then((m) => m.mkdir))],
  ['rm', lazy(() => files().then((m) => m.rm))],
  ['rmdir', lazy(() => files().then((m) => m.rmdir))],
  ['cp', lazy(() => files().then((m) => m.cp))],
  ['mv', lazy(() => files().then((m) => m.mv))],
  ['touch', lazy(() => files().then((m) => m.touch))],
  ['ln', lazy(() => files().then((m) => m.ln))],
  ['chmod', lazy(() => files().then((m) => m.chmod))],
  ['basename', lazy(() => files().then((m) => m.basenameCmd))],
  ['dirname', lazy(() => files().then((m) => m.dirnameCmd))],
  ['head', lazy(() => text().then((m) => m.head))],
  ['tail', lazy(() => text().then((m) => m.tail))],
  ['wc', lazy(() => text().then((m) => m.wc))],
  ['sort', lazy(() => text().then((m) => m.sort))],
  ['uniq', lazy(() => text().then((m) => m.uniq))],
  ['cut', lazy(() => text().then((m) => m.cut))],
  ['tr', lazy(() => text().then((m) => m.tr))],
  ['tee', lazy(() => text().then((m) => m.tee))],
  ['seq', lazy(() => text().then((m) => m.seq))],
  ['grep', lazy(() => import('./grep.js').then((m) => m.grep))],
  ['find', lazy(() => import('./find.js').then((m) => m.find))],
  ['sed', lazy(() => import('./sed.js').then((m) => m.sed))],
  ['yes', lazy(() => text().then((m) => m.yes))],
  ['less', lazy(() => files().then((m) => m.cat))],
  ['more', lazy(() => files().then((m) => m.cat))],
  ['date', lazy(() => system().then((m) => m.date))],
  ['uname', lazy(() => system().then((m) => m.uname))],
  ['whoami', lazy(() => system().then((m) => m.whoami))],
  ['id', lazy(() => system().then((m) => m.id))],
  ['hostname', lazy(() => system().then((m) => m.hostname))],
  ['sleep', lazy(() => system().then((m) => m.sleep))],
  ['clear', lazy(() => system().then((m) => m.clear))],
  ['printenv', lazy(() => system().then((m) => m.printenv))],
]);

/** Imports every utility's module (for tests that count event-loop turns until a command reacts). */
export async function loadAllCoreutils(): Promise<void> {
  await Promise.all([files(), text(), system(), curl(), import('./ls.js'), import('./grep.js'), import('./find.js'), import('./sed.js')]);
}

/** The names `help`, `which` and completion can list. */
export const COREUTIL_NAMES: readonly string[] = [...TABLE.keys(), 'curl', 'env', 'sh', 'bash'].sort();

export function coreutil(name: string, rt: Runtime): ExternalCommand | undefined {
  if (name === 'curl') return lazy(() => curl().then((m) => m.createCurl(rt.http)));
  return TABLE.get(name);
}
