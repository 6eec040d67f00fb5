/**
 * `process.stdin` for a node process: while the script holds a reference
 * (a `data` listener, readline), chunks are read from the container's stdin
 * and delivered as event-loop tasks; end of input is delivered as `null`.
 */
import type { NodeProcess } from './NodeProcess.js';

export class StdinPump {
  private wanted = false;
  private ended = false;
  private reading = false;

  constructor(private readonly proc: NodeProcess) {}

  /** The script still waits for input: keeps the process alive. */
  get open(): boolean {
    return this.wanted && !this.ended;
  }

  /** The script took (true) or dropped (false) its reference to stdin. */
  ref(on: boolean): void {
    this.wanted = on;
    if (on) void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.reading || this.ended) return;
    this.reading = true;
    const { proc } = this;
    try {
      while (this.wanted && !this.ended && !proc.finished) {
        const chunk = await proc.ctx.stdin.read();
        if (chunk === null) this.ended = true;
        proc.post(() => {
          const arg = chunk === null ? proc.vm.null : proc.vm.newString(chunk);
          proc.callS('stdinData', arg)?.dispose();
          if (chunk !== null) arg.dispose();
        });
      }
    } finally {
      this.reading = false;
    }
  }
}
