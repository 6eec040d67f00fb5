/**
 * How long Python may run between yields to the engine. The loop ticks ask
 * every thousand rounds; a slice ends after 20 ms of clock time, or after a
 * fixed number of asks so that a virtual clock (which does not move while
 * code runs) still yields deterministically. Such a slice is charged
 * FROZEN_CHARGE_MS of that clock's time at the yield, as the Node runtime does
 * (node/slicer.ts): otherwise a spinning loop would hold a virtual clock still
 * and a `docker stop` grace period would never end.
 */
import type { Clock } from '../../../os/clock.js';
import type { OutputStream } from '../../../os/process.js';

const SLICE_MS = 20;
const SLICE_ASKS = 10;
const FROZEN_CHARGE_MS = 250;
/** A plain function cannot yield: after this long (or this many slices) without one, the process is stopped. */
const RUNAWAY_MS = 5000;
const RUNAWAY_SLICES = 5000;

export class CpuBudget {
  private sliceStart: number;
  private asks = 0;
  private slicesWithoutYield = 0;
  private lastYield: number;
  private frozen = false;

  constructor(private readonly clock: Clock) {
    this.sliceStart = clock.monotonic();
    this.lastYield = this.sliceStart;
  }

  /** Called every thousand loop rounds: true when the current slice is used up. */
  due(): boolean {
    this.asks++;
    if (this.asks < SLICE_ASKS && this.clock.monotonic() - this.sliceStart < SLICE_MS) return false;
    this.asks = 0;
    this.frozen = this.clock.monotonic() === this.sliceStart;
    this.sliceStart = this.clock.monotonic();
    this.slicesWithoutYield++;
    return true;
  }

  /** Clock time the yield should sleep: the slice's charge when the clock stood still through it. */
  charge(): number {
    return this.frozen ? FROZEN_CHARGE_MS : 0;
  }

  yielded(): void {
    this.slicesWithoutYield = 0;
    this.sliceStart = this.clock.monotonic();
    this.lastYield = this.sliceStart;
  }

  /** For a loop that cannot yield: true (after explaining) once it has run too long. */
  runaway(stderr: OutputStream): boolean {
    if (this.slicesWithoutYield < RUNAWAY_SLICES && this.clock.monotonic() - this.lastYield < RUNAWAY_MS) return false;
    stderr.write('slipway: this Python loop ran for several seconds inside a function without pausing, so it was stopped (Slipway can only pause loops at the top level of a script)\n');
    return true;
  }
}
