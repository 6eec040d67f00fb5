import { describe, expect, it } from 'vitest';
import { inputFrom, Pipe } from '../../../os/streams.js';
import { nodeHarness, until } from './testing/harness.js';

describe('node event loop', () => {
  it('orders sync code, nextTick, promises, timers and immediates like Node', async () => {
    const t = nodeHarness({
      '/app/order.js': [
        'const out = [];',
        'setTimeout(() => out.push("timeout 20"), 20);',
        'setTimeout(() => { out.push("timeout 0"); Promise.resolve().then(() => out.push("promise in timeout")); }, 0);',
        'setImmediate(() => out.push("immediate"));',
        'Promise.resolve().then(() => out.push("promise"));',
        'process.nextTick(() => out.push("tick"));',
        'out.push("sync");',
        'const iv = setInterval(() => { out.push("interval " + Date.now() % 100000); if (out.filter(x => x.startsWith("interval")).length === 3) clearInterval(iv); }, 1000);',
        'process.on("exit", (code) => console.log(out.join("\\n"), "\\nexit", code));',
      ].join('\n'),
    });
    const start = t.clock.now();
    expect(await t.start(['node', 'order.js'])).toBe(0);
    expect(t.stdout.text).toBe(
      'sync\ntick\npromise\ntimeout 0\npromise in timeout\nimmediate\ntimeout 20\ninterval 1000\ninterval 2000\ninterval 3000 \nexit 0\n'.replace(/interval (\d+)/g, (_, ms: string) => `interval ${(start + Number(ms)) % 100000}`),
    );
    expect(t.clock.now() - start).toBe(3000);
  });

  it('works on the container filesystem with sync, callback and promise fs', async () => {
    const t = nodeHarness({
      '/app/fs.js': [
        'const fs = require("fs"); const path = require("path");',
        'fs.mkdirSync("data/logs", { recursive: true });',
        'fs.writeFileSync(path.join(__dirname, "data", "a.txt"), "one\\n");',
        'fs.appendFileSync("data/a.txt", "two\\n");',
        'console.log(fs.readFileSync("data/a.txt", "utf8").split("\\n"), fs.existsSync("data/nope"), fs.readdirSync("data"), fs.statSync("data").isDirectory());',
        'try { fs.readFileSync("/app/missing.txt") } catch (e) { console.log(e.message, e.code, e.errno, e.syscall) }',
        'fs.readFile("data/a.txt", "utf8", (err, text) => console.log("cb", err, text.length));',
        'fs.promises.writeFile("data/b.json", JSON.stringify({ ok: true })).then(() => fs.promises.readFile("data/b.json", "utf8")).then((t) => console.log("promise", JSON.parse(t)));',
        'fs.unlinkSync("data/a.txt"); console.log(fs.existsSync("data/a.txt"), fs.readFileSync("data/b.json").length === undefined);',
      ].join('\n'),
    });
    expect(await t.start(['node', 'fs.js'])).toBe(0);
    expect(t.stderr.text).toBe('');
    expect(t.stdout.text).toBe(
      "[ 'one', 'two', '' ] false [ 'a.txt', 'logs' ] true\n" +
        "ENOENT: no such file or directory, open '/app/missing.txt' ENOENT -2 open\n" +
        'false false\n' +
        'cb null 8\n' +
        'promise { ok: true }\n',
    );
  });

  it('reads stdin with data/end events and readline', async () => {
    const t = nodeHarness({
      '/app/sum.js': 'let all = ""; process.stdin.setEncoding("utf8"); process.stdin.on("data", (c) => all += c); process.stdin.on("end", () => console.log("total", all.split("\\n").filter(Boolean).map(Number).reduce((a, b) => a + b, 0)));',
      '/app/ask.js': 'const rl = require("readline").createInterface({ input: process.stdin, output: process.stdout });\nrl.question("Name? ", (name) => { console.log("Hi " + name); rl.close(); });\n',
    });
    expect(await t.start(['node', 'sum.js'], { stdin: inputFrom('1\n2\n', '3\n') })).toBe(0);
    expect(t.stdout.text).toBe('total 6\n');
    const u = nodeHarness({ '/app/ask.js': new TextDecoder().decode(t.fs.readFile('/app/ask.js')) });
    const stdin = new Pipe();
    const run = u.start(['node', 'ask.js'], { stdin });
    await until(() => u.stdout.text !== '');
    expect(u.stdout.text).toBe('Name? ');
    stdin.write('Ada\n');
    expect(await run).toBe(0);
    expect(u.stdout.text).toBe('Name? Hi Ada\n');
  });

  it('calls a SIGTERM handler installed with process.on, through the runner trap', async () => {
    const t = nodeHarness({
      '/app/srv.js': 'setInterval(() => {}, 1000);\nprocess.on("SIGTERM", () => { console.log("graceful shutdown"); process.exit(0); });\nconsole.log("ready");\n',
    });
    const run = t.start(['node', 'srv.js']);
    await until(() => t.stdout.text !== '');
    expect(t.stdout.text).toBe('ready\n');
    t.signals.emit('SIGTERM');
    expect(await run).toBe(0);
    expect(t.stdout.text).toBe('ready\ngraceful shutdown\n');
  });

  it('as PID 1 without a handler ignores SIGTERM; SIGKILL ends it with 137', async () => {
    const t = nodeHarness({ '/app/srv.js': 'setInterval(() => {}, 1000);\nconsole.log("up");\n' });
    let settled = false;
    const run = t.start(['node', 'srv.js']).then((code) => {
      settled = true;
      return code;
    });
    await until(() => t.stdout.text !== '');
    t.signals.emit('SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    t.killed.cancel();
    expect(await run).toBe(137);
  });

  it('endless setImmediate and setTimeout(0) chains still give the engine turns, so kill works', async () => {
    const t = nodeHarness({ '/app/chain.js': 'let n = 0;\nfunction a() { if (++n === 500) console.log("busy"); setImmediate(a); }\nfunction b() { setTimeout(b, 0); }\na(); b();\n' });
    const run = t.start(['node', 'chain.js']);
    await until(() => t.stdout.text !== '');
    t.killed.cancel();
    expect(await run).toBe(137);
    expect(t.stdout.text).toBe('busy\n');
  });

  it("lets process.on('uncaughtException') keep the process alive", async () => {
    const t = nodeHarness({ '/app/u.js': 'process.on("uncaughtException", (e) => console.log("caught", e.message));\nsetTimeout(() => { throw new Error("late"); }, 10);\nsetTimeout(() => console.log("still running"), 20);\n' });
    expect(await t.start(['node', 'u.js'])).toBe(0);
    expect(t.stdout.text).toBe('caught late\nstill running\n');
    expect(t.stderr.text).toBe('');
    const u = nodeHarness({ '/app/u.js': 'process.on("uncaughtException", () => process.exit(3));\nnull.boom;\n' });
    expect(await u.start(['node', 'u.js'])).toBe(3);
    expect(u.stderr.text).toBe('');
  });

  it('stops a loop it cannot pause (in a plain function) after its budget, with a clear message', async () => {
    const t = nodeHarness({ '/app/spin.js': 'console.log("spinning");\nfunction spin() { while (true) {} }\nspin();\n' }, { sliceBudget: 20 });
    expect(await t.start(['node', 'spin.js'])).toBe(137);
    expect(t.stdout.text).toBe('spinning\n');
    expect(t.stderr.text).toMatch(/^Slipway: the script kept the CPU busy without returning to the event loop \(a loop that never ends\?\), so it was stopped\. The simulated Node runtime can pause a loop only at the top level of a script, inside an async function or in a timer or server callback written inline/);
  });

  it('an unpausable loop that catches errors is still stopped', async () => {
    const t = nodeHarness({ '/app/spin.js': 'function spin() { for (;;) { try { while (true) {} } catch (e) { console.log("caught") } } }\nspin();\n' }, { sliceBudget: 20 });
    expect(await t.start(['node', 'spin.js'])).toBe(137);
    expect(t.stdout.text).toBe('');
  });

  it('kills a script that allocates without bound (out of memory, 137)', async () => {
    const t = nodeHarness({ '/app/hog.js': 'const a = []; while (true) a.push({ i: a.length, s: "item " + a.length });\n' }, { memoryLimit: 16 * 1024 * 1024, sliceBudget: 100000 });
    expect(await t.start(['node', 'hog.js'])).toBe(137);
    expect(t.stderr.text).toContain('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
  });
});
