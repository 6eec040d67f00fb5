/**
 * The official images' entrypoint scripts, implemented natively with the same
 * observable behaviour: node's `docker-entrypoint.sh` and nginx's
 * `/docker-entrypoint.sh` (its startup lines, then `exec "$@"`).
 */
import { basename } from '../../os/path.js';
import { ExecError, lookPath } from './resolve.js';
import { execve } from './runner.js';
import type { Program, ProgramContext } from './types.js';

async function execOrFail(ctx: ProgramContext, argv: readonly string[]): Promise<number> {
  try {
    return await execve(ctx, argv);
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    const reason = error.exitCode === 127 ? 'not found' : 'Permission denied';
    ctx.stderr.write(`${ctx.argv[0]}: exec: line 11: ${argv[0]}: ${reason}\n`);
    return error.exitCode ?? 127;
  }
}

function isCommand(ctx: ProgramContext, name: string): boolean {
  try {
    lookPath(ctx.fs, name, ctx.env, ctx.cwd);
    return true;
  } catch {
    return false;
  }
}

/** nodejs/docker-node docker-entrypoint.sh: prepend `node` for flags and non-commands, then exec. */
export const nodeEntrypointProgram: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args.length === 0 || args[0].startsWith('-') || !isCommand(ctx, args[0])) args = ['node', ...args];
  return execOrFail(ctx, args);
};

const ENTRYPOINT_D = '/docker-entrypoint.d';
const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';

/** 10-listen-on-ipv6-by-default.sh: edits default.conf once, says so, and notices a restart. */
function listenOnIpv6(ctx: ProgramContext, log: (line: string) => void): void {
  const me = '10-listen-on-ipv6-by-default.sh';
  const stat = ctx.fs.stat(DEFAULT_CONF);
  if (!stat || stat.kind !== 'file') {
    log(`${me}: info: ${DEFAULT_CONF} is not a file or does not exist`);
    return;
  }
  const text = new TextDecoder().decode(ctx.fs.readFile(DEFAULT_CONF));
  if (text.includes('listen  [::]:80;')) {
    log(`${me}: info: IPv6 listen already enabled`);
    return;
  }
  log(`${me}: info: Getting the checksum of ${DEFAULT_CONF}`);
  ctx.fs.writeFile(DEFAULT_CONF, text.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'));
  log(`${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`);
}

/** nginx/docker-nginx docker-entrypoint.sh. `$0` is how it was invoked, usually `/docker-entrypoint.sh`. */
export const nginxEntrypointProgram: Program = async (ctx) => {
  const self = ctx.argv[0] ?? '/docker-entrypoint.sh';
  const args = ctx.argv.slice(1);
  const quiet = (ctx.env.get('NGINX_ENTRYPOINT_QUIET_LOGS') ?? '') !== '';
  const log = (line: string): void => {
    if (!quiet) ctx.stdout.write(`${line}\n`);
  };
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    const dir = ctx.fs.stat(ENTRYPOINT_D);
    const files = dir?.kind === 'dir' ? ctx.fs.readdir(ENTRYPOINT_D).filter((f) => ctx.fs.stat(`${ENTRYPOINT_D}/${f}`)?.kind === 'file') : [];
    if (files.length === 0) {
      log(`${self}: No files found in ${ENTRYPOINT_D}/, skipping configuration`);
    } else {
      log(`${self}: ${ENTRYPOINT_D}/ is not empty, will attempt to perform configuration`);
      log(`${self}: Looking for shell scripts in ${ENTRYPOINT_D}/`);
      for (const file of files) {
        const path = `${ENTRYPOINT_D}/${file}`;
        const executable = ((ctx.fs.stat(path)?.mode ?? 0) & 0o111) !== 0;
        if (file.endsWith('.envsh') || file.endsWith('.sh')) {
          if (!executable) {
            log(`${self}: Ignoring ${path}, not executable`);
            continue;
          }
          log(`${self}: ${file.endsWith('.envsh') ? 'Sourcing' : 'Launching'} ${path}`);
          if (basename(file) === '10-listen-on-ipv6-by-default.sh') listenOnIpv6(ctx, log);
        } else {
          log(`${self}: Ignoring ${path}`);
        }
      }
      log(`${self}: Configuration complete; ready for start up`);
    }
  }
  if (args.length === 0) return 0;
  return execOrFail(ctx, args);
};

/**
 * Both images call their script `docker-entrypoint.sh`; nginx's sits at the
 * root next to /etc/nginx, node's in /usr/local/bin.
 */
export const entrypointProgram: Program = async (ctx) => {
  const nginx = ctx.argv[0] === '/docker-entrypoint.sh' || ctx.fs.stat('/etc/nginx')?.kind === 'dir';
  return (nginx ? nginxEntrypointProgram : nodeEntrypointProgram)(ctx);
};
