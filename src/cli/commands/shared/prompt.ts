/** docker/cli's PromptForConfirmation: prints the question, reads one line, only `y`/`Y` confirms. */
import type { DockerContext } from '../../context.js';

export async function readLine(ctx: DockerContext): Promise<string | null> {
  let line = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) return line === '' ? null : line;
    const nl = chunk.indexOf('\n');
    if (nl >= 0) return line + chunk.slice(0, nl);
    line += chunk;
  }
}

export async function confirm(question: string, ctx: DockerContext): Promise<boolean> {
  ctx.stdout.write(question);
  const answer = await readLine(ctx);
  // Without a terminal the answer is not echoed, so the next output would join the prompt's line.
  if (answer === null) ctx.stdout.write('\n');
  return (answer ?? '').trim().toLowerCase() === 'y';
}
