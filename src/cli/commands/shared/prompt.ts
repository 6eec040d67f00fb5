/** docker/cli's PromptForConfirmation and line reads for login's prompts. */
import type { InputStream } from '../../../os/process.js';
import type { DockerContext } from '../../context.js';

// Piped input can deliver several lines in one chunk; what follows the first
// line is kept for the next prompt of the same command.
const leftovers = new WeakMap<InputStream, string>();

export async function readLine(ctx: DockerContext): Promise<string | null> {
  let line = leftovers.get(ctx.stdin) ?? '';
  leftovers.delete(ctx.stdin);
  for (;;) {
    const nl = line.indexOf('\n');
    if (nl >= 0) {
      if (nl + 1 < line.length) leftovers.set(ctx.stdin, line.slice(nl + 1));
      return line.slice(0, nl).replace(/\r$/, '');
    }
    const chunk = await ctx.stdin.read();
    if (chunk === null) return line === '' ? null : line;
    line += chunk;
  }
}

/** Prints the question; only `y`/`Y` confirms (Docker ≥26). */
export async function confirm(question: string, ctx: DockerContext): Promise<boolean> {
  ctx.stdout.write(question);
  const answer = await readLine(ctx);
  // Without a terminal the answer is not echoed, so the next output would join the prompt's line.
  if (answer === null) ctx.stdout.write('\n');
  return (answer ?? '').trim().toLowerCase() === 'y';
}
