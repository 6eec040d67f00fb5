import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { humanSizeWithPrecision } from '../../engineHelpers.js';
import { resolvePath } from '../../../os/path.js';
import { errorText } from '../shared/daemonError.js';
import { extractToHost, readHostTree } from './cpHost.js';
import { latin1, tarBytes } from './tarStream.js';

interface CpArg {
  readonly container?: string;
  readonly path: string;
}

/** docker/cli splitCpArg: absolute or `./`-style paths are local even when they contain a colon. */
function splitArg(arg: string): CpArg {
  if (arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.slice(0, colon).includes('/')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

export const cpCommand: CommandSpec = {
  name: 'cp',
  use: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'archive', short: 'a', kind: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { long: 'follow-link', short: 'L', kind: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
  async run({ flags, args }, ctx) {
    const src = splitArg(args[0]);
    const dst = splitArg(args[1]);
    if (src.container !== undefined && dst.container !== undefined) throw new StatusError('copying between containers is not supported', 1);
    if (src.container === undefined && dst.container === undefined) throw new StatusError('must specify at least one container source', 1);
    if (src.path === '' || dst.path === '') throw new StatusError('filepath cannot be empty', 1);
    const report = !flags.bool('quiet') && ctx.terminal !== undefined;
    if (src.container !== undefined) {
      let archive;
      try {
        archive = ctx.engine.containers.copyFrom(src.container, src.path);
      } catch (error) {
        throw new StatusError(errorText(error), 1);
      }
      if (dst.path === '-') {
        ctx.stdout.write(latin1(tarBytes(archive.entries)));
        return 0;
      }
      const dest = resolvePath(ctx.cwd, dst.path);
      extractToHost(ctx.fs, archive.entries, dest, /\/\.$/.test(src.path));
      if (report) ctx.stderr.write(`Successfully copied ${humanSizeWithPrecision(archive.tarSize, 3)} to ${dest}\n`);
      return 0;
    }
    if (src.path === '-') throw new StatusError('docker cp from stdin (-) is not supported here', 1);
    const local = resolvePath(ctx.cwd, src.path);
    if (!ctx.fs.lstat(local)) throw new StatusError(`lstat ${local}: no such file or directory`, 1);
    let entries = readHostTree(ctx.fs, local);
    if (/\/\.$/.test(src.path)) entries = entries.slice(1).map((e) => ({ ...e, path: e.path.slice(e.path.indexOf('/') + 1) }));
    let result;
    try {
      result = ctx.engine.containers.copyTo(dst.container!, dst.path, entries);
    } catch (error) {
      throw new StatusError(errorText(error), 1);
    }
    if (report) ctx.stderr.write(`Successfully copied ${humanSizeWithPrecision(result.tarSize, 3)} to ${dst.container}:${dst.path}\n`);
    return 0;
  },
};
