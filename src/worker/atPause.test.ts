import { describe, expect, it } from 'vitest';
import { AtPause } from './atPause.js';

function rig() {
  const timers: (() => void)[] = [];
  const ran: string[] = [];
  const pause = new AtPause((task) => void timers.push(task), 300, 2);
  return { timers, ran, pause, task: (name: string) => () => void ran.push(name) };
}

describe('AtPause', () => {
  it('runs a task at the first pause, and holds it back while keys arrive, at most maxPostpones times', () => {
    const { timers, ran, pause, task } = rig();
    pause.run('save', task('save'));
    pause.typing();
    timers.shift()!();
    expect(ran).toEqual([]);
    pause.typing();
    timers.shift()!();
    pause.typing();
    timers.shift()!();
    expect(ran).toEqual(['save']);
  });

  it('flush runs what waits at once; a timer set before it does not run the next round early', () => {
    const { timers, ran, pause, task } = rig();
    pause.run('save', task('first'));
    pause.flush();
    expect(ran).toEqual(['first']);
    pause.run('save', task('second'));
    // The first round's timer fires: the second round has not had its pause yet.
    timers.shift()!();
    expect(ran).toEqual(['first']);
    timers.shift()!();
    expect(ran).toEqual(['first', 'second']);
    expect(timers).toHaveLength(0);
  });

  it('flush with nothing waiting does nothing', () => {
    const { ran, pause } = rig();
    pause.flush();
    expect(ran).toEqual([]);
  });
});
