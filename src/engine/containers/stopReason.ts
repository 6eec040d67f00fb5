/** Why `docker stop` is waiting, in words the terminal or UI can show during the 10 seconds. */
import type { SignalName } from '../../os/process.js';
import type { ProcessView } from '../programs/runner.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'busybox']);

export function stopWaitReason(process: ProcessView | undefined, signal: SignalName, timeout: number): string {
  const after = timeout < 0 ? 'Docker waits for it to exit' : `Docker waits ${timeout} seconds, then sends SIGKILL (exit code 137)`;
  if (!process) return `${signal} was sent to PID 1; ${after}`;
  if (process.handles(signal)) return `${process.name} handles ${signal} but has not exited yet; ${after}`;
  if (SHELLS.has(process.name)) {
    return `${process.name} is PID 1 (a shell-form CMD or ENTRYPOINT) and does not pass ${signal} on to the program it started; ${after}`;
  }
  return `${process.name} is PID 1 and has no ${signal} handler, and PID 1 ignores signals it does not handle; ${after}`;
}
