/**
 * `npx <command>`: runs a binary installed in node_modules/.bin, the way a
 * project's local tools (nodemon, jest) are started. Fetching packages on
 * the fly is not simulated.
 */
import type { Program } from '../../types.js';

export const npxProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '--yes' && a !== '-y');
  const [name, ...rest] = args;
  if (name === undefined) {
    ctx.stderr.write('npm error code EUSAGE\nnpm error\nnpm error Run a command from a local or remote npm package\n');
    return 1;
  }
  const local = `${ctx.cwd === '/' ? '' : ctx.cwd}/node_modules/.bin/${name}`;
  if (ctx.fs.stat(local)?.kind === 'file') return ctx.spawn([local, ...rest]);
  if (ctx.fs.stat(`${ctx.cwd === '/' ? '' : ctx.cwd}/node_modules/${name}/package.json`)?.kind === 'file') return ctx.spawn(['node', `node_modules/${name}`, ...rest]);
  ctx.stderr.write(`npm error could not determine executable to run\n`);
  return 1;
};
