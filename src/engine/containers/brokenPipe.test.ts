import { describe, expect, it } from 'vitest';
import type { OutputStream } from '../../os/process.js';
import { CollectingOutput } from '../../os/streams.js';
import { makeEngine } from './testing/harness.js';

/** A client's stdout whose reader goes away after `keep` writes (`… | head -1`). */
function closingAfter(keep: number): OutputStream & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    write(text) {
      if (seen.length >= keep) throw new Error('broken pipe');
      seen.push(text);
    },
  };
}

// Found by fuzzing: `docker run busybox sh -c '…' | head -1` let the client's broken pipe into the
// container's own writes, killing its process and escaping as an unhandled rejection.
describe("a client's broken pipe", () => {
  it('drops an attached client, which ends as if killed by SIGPIPE; the process and its logs go on', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', cmd: ['sh', '-c', 'echo one; echo two; echo three'] });
    const out = closingAfter(1);
    const session = containers.attach(id, { stdin: false, stdout: out, stderr: out });
    await containers.start(id);
    expect(await session.done).toBe(141);
    expect(await containers.wait(id)).toBe(0);
    expect(out.seen).toEqual(['one\n']);
    const logs = new CollectingOutput();
    await containers.logs(id, {}, { stdout: logs, stderr: logs });
    expect(logs.text).toBe('one\ntwo\nthree\n');
  });

  it('ends logs -f with the write error and leaves the container running', async () => {
    const { containers } = makeEngine();
    const { id } = containers.create({ image: 'busybox', cmd: ['sh', '-c', 'echo one; sleep 1; echo two; sleep 1; echo three; sleep 100'] });
    await containers.start(id);
    const out = closingAfter(1);
    await expect(containers.logs(id, { follow: true }, { stdout: out, stderr: out })).rejects.toThrow('broken pipe');
    expect(out.seen).toEqual(['one\n']);
    expect(containers.inspect(id)).toMatchObject({ State: { Running: true } });
    await containers.remove(id, { force: true });
  });
});
