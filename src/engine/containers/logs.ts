/**
 * `docker logs`: the stored output of every run, optionally the last N lines,
 * with RFC3339Nano timestamps, then (with follow) new output until the
 * container stops or the client cancels.
 */
import type { CancelToken } from '../../os/clock.js';
import type { OutputStream } from '../../os/process.js';
import type { LogsOptions } from '../api.js';
import type { ContainerRecord, LogEntry } from './model.js';
import type { Run } from './runtime.js';

/** jsonmessage.RFC3339NanoFixed: always nine fractional digits. */
export function logTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export async function streamLogs(
  c: ContainerRecord,
  options: LogsOptions,
  out: { readonly stdout: OutputStream; readonly stderr: OutputStream },
  currentRun: () => Run | undefined,
  cancel?: CancelToken,
): Promise<void> {
  const write = (entry: LogEntry): void => {
    const text = options.timestamps ? `${logTimestamp(entry.time)} ${entry.text}` : entry.text;
    (entry.stream === 'stdout' ? out.stdout : out.stderr).write(text);
  };
  const tail = options.tail;
  const history = tail === undefined || tail < 0 ? c.logs : tail === 0 ? [] : c.logs.slice(-tail);
  for (const entry of history) write(entry);
  const run = currentRun();
  if (!options.follow || !run || cancel?.cancelled) return;
  // A write that fails (the client's pipe broke) ends the follow and fails the call, as a write of the
  // history would; it must not reach the container's process, whose output is being fanned out.
  let failure: unknown;
  await new Promise<void>((resolve) => {
    const unfollow = run.hub.follow((entry) => {
      try {
        write(entry);
      } catch (error) {
        failure = error;
        finish();
      }
    });
    const stopCancel = cancel?.onCancel(() => finish());
    function finish(): void {
      unfollow();
      stopCancel?.();
      resolve();
    }
    void run.finished.then(finish);
  });
  if (failure !== undefined) throw failure;
}
