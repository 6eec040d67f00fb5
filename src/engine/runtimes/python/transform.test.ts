import { describe, expect, it } from 'vitest';
import { tickLoops } from './loops.js';
import { makeAwaitable } from './transform.js';

describe('makeAwaitable', () => {
  it('awaits input() and time.sleep() in place, keeping lines', () => {
    const src = "x = int(input('n: '))\nprint('input(')  # input(\nimport time\ntime.sleep(1)\nobj.input(2)\n";
    const out = makeAwaitable(src);
    expect(out).toBe("x = int((await __slipway_input('n: ')))\nprint('input(')  # input(\nimport time\n(await __slipway_sleep(1))\nobj.input(2)\n");
    expect(out.split('\n').length).toBe(src.split('\n').length);
  });

  it('makes callers of input() async, transitively', () => {
    const out = makeAwaitable('def a():\n    return input()\ndef b():\n    return a() + 1\nprint(b())\n');
    expect(out).toBe('async def a():\n    return (await __slipway_input())\nasync def b():\n    return (await a()) + 1\nprint((await b()))\n');
  });

  it('handles from time import sleep', () => {
    expect(makeAwaitable('from time import sleep\nsleep(2)\n')).toBe('from time import sleep\n(await __slipway_sleep(2))\n');
  });
});

describe('tickLoops', () => {
  it('ticks while loops: awaited at top level and in async defs, plain inside functions', () => {
    const out = tickLoops('while True:\n    pass\ndef f():\n    while x < {"a": 1}["a"]: x += 1\nasync def g():\n    while 1:\n        pass\n');
    expect(out).toBe(
      'while (__slipway_tick() or (await __slipway_pause())) and (True):\n    pass\ndef f():\n    while __slipway_tick_sync() and (x < {"a": 1}["a"]): x += 1\nasync def g():\n    while (__slipway_tick() or (await __slipway_pause())) and (1):\n        pass\n',
    );
  });
});
