import { describe, expect, it } from 'vitest';
import { nodeHarness } from './testing/harness.js';

describe('node ES modules', () => {
  it('runs .mjs with relative imports, builtins and CommonJS packages', async () => {
    const t = nodeHarness({
      '/app/main.mjs': 'import { readFileSync } from "node:fs";\nimport path from "path";\nimport { greet } from "./lib/greet.mjs";\nimport cjs from "./legacy.cjs";\nconsole.log(greet("esm"), path.basename("/a/b.txt"), readFileSync("/app/data.txt", "utf8").trim(), cjs.answer);\n',
      '/app/lib/greet.mjs': 'export function greet(name) { return "hello " + name; }\n',
      '/app/legacy.cjs': 'module.exports = { answer: 42 };\n',
      '/app/data.txt': 'from disk\n',
    });
    expect(await t.start(['node', 'main.mjs'])).toBe(0);
    expect(t.stderr.text).toBe('');
    expect(t.stdout.text).toBe('hello esm b.txt from disk 42\n');
  });

  it('treats .js as a module under "type": "module" and imports express by name', async () => {
    const t = nodeHarness({
      '/app/package.json': '{ "type": "module" }',
      '/app/node_modules/express/package.json': '{ "name": "express", "version": "5.1.0", "main": "index.js" }',
      '/app/node_modules/express/index.js': '// express@5.1.0 (simulated by Slipway)\nmodule.exports = {};\n',
      '/app/server.js': 'import express from "express";\nconst app = express();\nconsole.log(typeof app.get, typeof express.static);\n',
    });
    expect(await t.start(['node', 'server.js'])).toBe(0);
    expect(t.stderr.text).toBe('');
    expect(t.stdout.text).toBe('function function\n');
  });

  it('reports an error thrown at the top level of a module', async () => {
    const t = nodeHarness({ '/app/bad.mjs': 'console.log("a");\nthrow new TypeError("nope");\n' });
    expect(await t.start(['node', 'bad.mjs'])).toBe(1);
    expect(t.stdout.text).toBe('a\n');
    expect(t.stderr.text).toContain('TypeError: nope\n');
    expect(t.stderr.text.endsWith('\nNode.js v26.7.0\n')).toBe(true);
  });
});
