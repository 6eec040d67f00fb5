/**
 * Stand-ins for `node` and `python` until the runtimes issue plugs in real
 * interpreters (QuickJS, MicroPython). Deliberate deviation: scripts do not run
 * yet; they print a clear message and exit 1.
 */
import { basename } from '../../os/path.js';
import type { Program } from './types.js';

function runtime(label: string, versionEnv: string, fallbackVersion: string): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const name = basename(ctx.argv[0] ?? label);
    const version = ctx.env.get(versionEnv) ?? fallbackVersion;
    if (args[0] === '--version' || args[0] === '-v' || args[0] === '-V') {
      ctx.stdout.write(label === 'node' ? `v${version}\n` : `Python ${version}\n`);
      return 0;
    }
    if (args.length > 0) {
      ctx.stderr.write(`${name}: the ${label === 'node' ? 'Node.js' : 'Python'} runtime is not available yet in this build of Slipway (tried: ${name} ${args.join(' ')})\n`);
      return 1;
    }
    if (ctx.tty) {
      ctx.stdout.write(`The interactive ${label === 'node' ? 'Node.js' : 'Python'} REPL is not available yet in this build of Slipway.\n`);
      return 0;
    }
    // Like the real REPL without a terminal: evaluate stdin (here: consume it) until EOF.
    while ((await ctx.stdin.read()) !== null) {
      if (ctx.killed.cancelled) break;
    }
    return 0;
  };
}

export const nodeProgram = runtime('node', 'NODE_VERSION', '24.11.1');
export const pythonProgram = runtime('python', 'PYTHON_VERSION', '3.14.0');
