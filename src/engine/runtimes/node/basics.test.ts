import { describe, expect, it } from 'vitest';
import { inputFrom } from '../../../os/streams.js';
import { nodeHarness } from './testing/harness.js';

describe('node FILE', () => {
  it('prints hello world and exits 0', async () => {
    const t = nodeHarness({ '/app/hello.js': 'console.log("hello world")\n' });
    expect(await t.start(['node', 'hello.js'])).toBe(0);
    expect(t.stdout.text).toBe('hello world\n');
    expect(t.stderr.text).toBe('');
  });

  it('formats values like util.inspect', async () => {
    const t = nodeHarness({
      '/app/i.js': [
        'console.log([1,2,3].map(x => x * 2), { a: 1, s: "x" }, "raw", [])',
        'console.log({ nested: { deep: { deeper: { deepest: 1 } } } })',
        'console.log(Array.from({length: 30}, (_, i) => i))',
        'console.log(Array.from({length: 8}, (_, i) => "item" + i))',
        'console.log(new Map([["a", 1]]), new Set([1, 2]), null, undefined, -0, 10n, Symbol("s"))',
        'console.log(function foo() {}, class Bar {}, () => 1, [undefined, null], { "a-b": [ "it\'s" ] })',
        'console.log("%s is %d years", "Bob", 42, { x: [1, { y: 2 }] })',
      ].join('\n'),
    });
    expect(await t.start(['node', '/app/i.js'])).toBe(0);
    expect(t.stdout.text).toBe(
      "[ 2, 4, 6 ] { a: 1, s: 'x' } raw []\n" +
        '{ nested: { deep: { deeper: [Object] } } }\n' +
        '[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16, 17,\n  18, 19, 20, 21, 22, 23, 24, 25, 26,\n  27, 28, 29\n]\n' +
        "[\n  'item0', 'item1',\n  'item2', 'item3',\n  'item4', 'item5',\n  'item6', 'item7'\n]\n" +
        "Map(1) { 'a' => 1 } Set(2) { 1, 2 } null undefined -0 10n Symbol(s)\n" +
        "[Function: foo] [class Bar] [Function (anonymous)] [ undefined, null ] { 'a-b': [ \"it's\" ] }\n" +
        'Bob is 42 years { x: [ 1, { y: 2 } ] }\n',
    );
  });

  it('passes argv, env, cwd and exit codes', async () => {
    const t = nodeHarness({
      '/app/a.js': 'console.log(process.argv, process.env.GREETING, process.cwd(), process.platform, process.version)\nprocess.exitCode = 3\n',
      '/app/b.js': 'process.stdout.write("before\\n"); process.exit(4); console.log("after")\n',
    });
    expect(await t.start(['node', 'a.js', 'x'], { env: ['GREETING=hi'] })).toBe(3);
    expect(t.stdout.text).toBe("[ '/usr/local/bin/node', '/app/a.js', 'x' ] hi /app linux v26.7.0\n");
    const u = nodeHarness({ '/app/b.js': 'process.stdout.write("before\\n"); process.exit(4); console.log("after")\n' });
    expect(await u.start(['node', 'b.js'])).toBe(4);
    expect(u.stdout.text).toBe('before\n');
  });

  it('requires local files and json, with caching and index resolution', async () => {
    const t = nodeHarness({
      '/app/main.js': 'const m = require("./lib/math"); const cfg = require("./config.json"); const again = require("./lib/math.js");\nconsole.log(m.add(2, 3), cfg.name, m === again, require("./lib").tag, __filename, __dirname)\n',
      '/app/lib/math.js': 'exports.add = (a, b) => a + b\n',
      '/app/lib/index.js': 'module.exports = { tag: "index" }\n',
      '/app/config.json': '{ "name": "goals" }\n',
    });
    expect(await t.start(['node', 'main.js'])).toBe(0);
    expect(t.stdout.text).toBe('5 goals true index /app/main.js /app\n');
  });

  it("reports Cannot find module like Node and exits 1", async () => {
    const t = nodeHarness({ '/app/server.js': 'const express = require("express");\n' });
    expect(await t.start(['node', 'server.js'])).toBe(1);
    expect(t.stderr.text).toMatch(/^node:internal\/modules\/cjs\/loader:\d+\n {2}throw err;\n {2}\^\n\nError: Cannot find module 'express'\nRequire stack:\n- \/app\/server.js\n {4}at Function._resolveFilename/);
    expect(t.stderr.text).toContain("    at Object.<anonymous> (/app/server.js:1:");
    expect(t.stderr.text).toMatch(/ \{\n {2}code: 'MODULE_NOT_FOUND',\n {2}requireStack: \[ '\/app\/server.js' \]\n\}\n\nNode.js v26.7.0\n$/);
    const u = nodeHarness();
    expect(await u.start(['node', 'missing.js'])).toBe(1);
    expect(u.stderr.text).toMatch(/^node:internal\/modules\/cjs\/loader:\d+\n {2}throw err;\n {2}\^\n\nError: Cannot find module '\/app\/missing.js'\n {4}at /);
    expect(u.stderr.text).toMatch(/ \{\n {2}code: 'MODULE_NOT_FOUND',\n {2}requireStack: \[\]\n\}\n\nNode.js v26.7.0\n$/);
  });

  it('prints an uncaught error with the source line, caret and stack', async () => {
    const t = nodeHarness({ '/app/boom.js': 'console.log("start")\nfunction fail() {\n  throw new Error("boom");\n}\nfail();\n' });
    expect(await t.start(['node', 'boom.js'])).toBe(1);
    expect(t.stdout.text).toBe('start\n');
    expect(t.stderr.text).toMatch(/^\/app\/boom.js:3\n {2}throw new Error\("boom"\);\n {2}\^\n\nError: boom\n {4}at fail \(\/app\/boom.js:3:\d+\)\n {4}at Object.<anonymous> \(\/app\/boom.js:5:\d+\)\n {4}at Module._compile/);
    expect(t.stderr.text.endsWith('\n\nNode.js v26.7.0\n')).toBe(true);
  });

  it('gives script-made errors a Node-style err.stack and keeps instanceof working', async () => {
    const t = nodeHarness({
      '/app/e.js': 'class ValidationError extends Error { constructor(m) { super(m); this.name = "ValidationError"; } }\nconst e = new ValidationError("bad input");\nconsole.log(e.stack.split("\\n")[0], e instanceof Error, e instanceof ValidationError, Error("x").message, new Error("y").constructor === Error);\n',
    });
    expect(await t.start(['node', 'e.js'])).toBe(0);
    expect(t.stdout.text).toBe('ValidationError: bad input true true x true\n');
  });

  it('reports a syntax error at the parse position, from the loader', async () => {
    const t = nodeHarness({ '/app/s.js': 'console.log(1)\nconst x = ;\n' });
    expect(await t.start(['node', 's.js'])).toBe(1);
    expect(t.stdout.text).toBe('');
    expect(t.stderr.text).toMatch(/^\/app\/s.js:2\nconst x = ;\n {10}\^\n\nSyntaxError: Unexpected token ';'\n {4}at wrapSafe \(node:internal/);
  });

  it('runs node -e / -p and --version', async () => {
    const t = nodeHarness();
    expect(await t.start(['node', '-p', '[1,2].map(x => x * 3)'])).toBe(0);
    expect(await t.start(['node', '-e', 'console.log(require("os").hostname(), require("path").join("/a", "../b"))'])).toBe(0);
    expect(await t.start(['node', '--version'])).toBe(0);
    expect(t.stdout.text).toBe('[ 3, 6 ]\nc0ffee123456 /b\nv26.7.0\n');
  });

  it('reads a script from stdin when there is no terminal', async () => {
    const t = nodeHarness();
    expect(await t.start(['node'], { stdin: inputFrom('console.log(6 * 7)\n') })).toBe(0);
    expect(t.stdout.text).toBe('42\n');
    const u = nodeHarness();
    expect(await u.start(['node'])).toBe(0);
    expect(u.stdout.text).toBe('');
  });
});
