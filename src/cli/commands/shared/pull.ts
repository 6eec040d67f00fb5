/**
 * Pulls an image and prints docker's progress: `<tag>: Pulling from <path>`,
 * one line per layer, `Digest: …` and `Status: …`. `docker pull` adds the
 * canonical reference afterwards; `docker run`/`create` do not.
 */
import type { DockerContext } from '../../context.js';
import type { OutputStream, TerminalControl } from '../../../os/process.js';
import type { PullResult } from '../../../engine/index.js';
import { parseReference, withDefaultTag } from '../../engineHelpers.js';
import { ProgressPrinter } from './progress.js';

export async function pullWithProgress(ref: string, ctx: DockerContext, out: OutputStream, terminal: TerminalControl | undefined, quiet = false): Promise<PullResult> {
  const parsed = withDefaultTag(parseReference(ref));
  const tag = parsed.tag ?? parsed.digest ?? 'latest';
  const path = parsed.path;
  const printer = new ProgressPrinter(out, terminal);
  let headerDone = false;
  let sawDigest = false;
  let sawStatus = false;
  const header = (): void => {
    if (headerDone) return;
    headerDone = true;
    if (!quiet) printer.line(`${tag}: Pulling from ${path}`);
  };
  const result = await ctx.engine.images.pull(ref, (event) => {
    if (quiet) return;
    if (event.id === undefined && event.status.startsWith('Digest:')) sawDigest = true;
    if (event.id === undefined && event.status.startsWith('Status:')) sawStatus = true;
    if (event.status.startsWith('Pulling from')) {
      headerDone = true;
      printer.line(`${event.id ?? tag}: ${event.status}`);
      return;
    }
    header();
    printer.event(event);
  });
  if (!quiet) {
    header();
    if (!sawDigest) printer.line(`Digest: ${result.digest}`);
    if (!sawStatus) printer.line(result.downloaded ? `Status: Downloaded newer image for ${result.familiar}` : `Status: Image is up to date for ${result.familiar}`);
  }
  return result;
}
