/**
 * Runaway loops are time-sliced, not killed: the loop keeps running, the
 * engine gets turns in between (other processes, timers, HTTP), and a kill
 * ends it at the next turn. The harness's virtual clock does not move while
 * code runs, so each slice is charged FROZEN_CHARGE_MS of it (slicer.ts).
 */
import { describe, expect, it } from 'vitest';
import { Pipe } from '../../../os/streams.js';
import { nodeHarness, until } from './testing/harness.js';

/** Macrotask turns; a frozen engine would never run them. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe('node time slices', () => {
  it('keeps `while (true) {}` running while the engine gets turns, and a kill ends it with 137', async () => {
    const t = nodeHarness({ '/app/spin.js': 'console.log("spinning");\nwhile (true) {}\n' });
    let settled = false;
    const run = t.start(['node', 'spin.js']).then((code) => {
      settled = true;
      return code;
    });
    await until(() => t.stdout.text !== '');
    const before = t.clock.now();
    // A second process on the same engine makes progress meanwhile.
    const other = t.start(['node', '-e', 'setTimeout(() => console.log("other done"), 500)']);
    expect(await other).toBe(0);
    expect(t.stdout.text).toBe('spinning\nother done\n');
    await turns(50);
    expect(settled).toBe(false);
    expect(t.clock.now() - before).toBeGreaterThanOrEqual(500);
    t.killed.cancel();
    expect(await run).toBe(137);
    expect(t.stderr.text).toBe('');
  });

  it('the loop really runs on: it sees time pass and prints from inside the loop', async () => {
    const t = nodeHarness({
      '/app/clock.js': 'let last = Date.now(), n = 0;\nwhile (true) {\n  if (Date.now() - last >= 300) { last = Date.now(); console.log("beat", ++n); if (n === 3) process.exit(4); }\n}\n',
    });
    expect(await t.start(['node', 'clock.js'])).toBe(4);
    expect(t.stdout.text).toBe('beat 1\nbeat 2\nbeat 3\n');
  });

  it('slices loops in async functions, ES modules, inline timer and server callbacks, and one-line loop bodies', async () => {
    for (const [file, code] of [
      ['spin.js', 'setTimeout(async () => { console.log("in timer"); for (;;) ; }, 10);'],
      ['spin.js', 'async function main() { await null; console.log("in async"); do { } while (1) }\nmain();'],
      ['spin.js', 'require("http").createServer(async (req, res) => { console.log("in handler"); while (true) {} }).listen(3000, () => fetch("http://localhost:3000/"));'],
      ['spin.mjs', 'import { EventEmitter } from "node:events";\nconsole.log("in module", typeof EventEmitter);\nfor (let i = 0; ; i++) i;\n'],
      ['spin.js', 'let i = 0;\nconsole.log("in script");\nwhile (true) i++\n'],
      ['spin.js', 'setInterval(() => { console.log("in plain timer"); for (;;) ; }, 10);'],
      ['spin.js', 'require("http").createServer((req, res) => { console.log("in plain handler"); while (true) {} }).listen(3000, () => fetch("http://localhost:3000/"));'],
    ]) {
      const t = nodeHarness({ [`/app/${file}`]: code });
      const run = t.start(['node', file]);
      await until(() => t.stdout.text !== '');
      await turns(30);
      t.killed.cancel();
      expect(await run).toBe(137);
      expect(t.stdout.text).toMatch(/^in (timer|async|handler|module function|script|plain timer|plain handler)\n$/);
      expect(t.stderr.text).toBe('');
    }
  });

  it('in the REPL, loops in async functions and inline timer callbacks pause too', async () => {
    const t = nodeHarness();
    const stdin = new Pipe();
    const run = t.start(['node'], { stdin, tty: true });
    await until(() => t.stdout.text.endsWith('> '));
    stdin.write('setTimeout(() => { console.log("spinning"); while (true) {} }, 10); 1 + 1\n');
    await until(() => t.stdout.text.includes('spinning'));
    await turns(50);
    t.killed.cancel();
    expect(await run).toBe(137);
    expect(t.stdout.text).toMatch(/> 2\n> spinning\n$/);
    expect(t.stderr.text).toBe('');
  });

  it('holds the event loop while paused, as a busy loop holds Node\'s: timers wait for the loop to end', async () => {
    const t = nodeHarness({
      '/app/busy.js': 'setTimeout(() => console.log("timer"), 0);\nconst end = Date.now() + 500;\nwhile (Date.now() < end) {}\nconsole.log("loop done");\n',
    });
    expect(await t.start(['node', 'busy.js'])).toBe(0);
    expect(t.stdout.text).toBe('loop done\ntimer\n');
  });

  it('keeps line numbers, and Node\'s report, for errors thrown from a script whose loops pause', async () => {
    const t = nodeHarness({ '/app/boom.js': 'for (let i = 0; i < 3; i++) {\n  if (i === 2) {\n    throw new Error("at two");\n  }\n}\n' });
    expect(await t.start(['node', 'boom.js'])).toBe(1);
    expect(t.stderr.text).toMatch(/^\/app\/boom\.js:3\n {4}throw new Error\("at two"\);\n {4}\^\n\nError: at two\n {4}at Object\.<anonymous> \(\/app\/boom\.js:3:/);
    const late = nodeHarness({ '/app/late.js': 'let n = 0;\nwhile (true) {\n  if (++n === 300000) null.boom;\n}\n' });
    expect(await late.start(['node', 'late.js'])).toBe(1);
    expect(late.stderr.text).toMatch(/^\/app\/late\.js:3\n {2}if \(\+\+n === 300000\) null\.boom;\n/);
    expect(late.stderr.text).toContain("TypeError: Cannot read properties of null (reading 'boom')");
    const timer = nodeHarness({ '/app/timer.js': 'setTimeout(() => {\n  for (let i = 0; i < 2; i++) {}\n  throw new Error("late");\n}, 5);\nsetTimeout(() => console.log("never"), 50);\n' });
    expect(await timer.start(['node', 'timer.js'])).toBe(1);
    expect(timer.stdout.text).toBe('');
    expect(timer.stderr.text).toMatch(/^\/app\/timer\.js:3\n {2}throw new Error\("late"\);\n {2}\^\n\nError: late\n {4}at /);
  });
});
