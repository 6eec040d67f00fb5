/**
 * Work that may wait for a pause in typing: the debounced save and the
 * engine-view check after a command that emitted nothing. With 1,000
 * containers each holds the worker 10-60 ms; run right after a command they
 * landed in front of the next command's Enter. A task runs once no key has
 * arrived for one delay; typing without a pause holds it back at most
 * `maxPostpones` delays, so nothing waits for ever.
 */
export class AtPause {
  private readonly tasks = new Map<string, () => void>();
  private armed = false;
  private typed = false;
  private postponed = 0;
  /** Bumped by flush(), so that a timer set before it does not run the next round's tasks early. */
  private round = 0;

  constructor(
    /** Runs a task after `ms` (a timer in the worker, the test's own queue in tests). */
    private readonly later: (task: () => void, ms: number) => void,
    private readonly delayMs: number,
    private readonly maxPostpones: number,
  ) {}

  /** A key arrived. */
  typing(): void {
    this.typed = true;
  }

  /** Runs `task` at the next pause; a task already waiting under `key` is replaced. */
  run(key: string, task: () => void): void {
    this.tasks.set(key, task);
    if (this.armed) return;
    this.armed = true;
    this.postponed = 0;
    this.arm();
  }

  /** Runs what is waiting now, pause or not (the page is being hidden or closed: it may not come back). */
  flush(): void {
    // A timer already set finds its round over and does nothing.
    this.round++;
    this.armed = false;
    this.runAll();
  }

  private arm(): void {
    this.typed = false;
    const round = this.round;
    this.later(() => {
      if (round !== this.round) return;
      if (this.typed && this.postponed < this.maxPostpones) {
        this.postponed++;
        this.arm();
        return;
      }
      this.armed = false;
      this.runAll();
    }, this.delayMs);
  }

  private runAll(): void {
    const tasks = [...this.tasks.values()];
    this.tasks.clear();
    for (const task of tasks) task();
  }
}
