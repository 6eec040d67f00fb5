import { describe, expect, it } from 'vitest';
import { instrumentLoops, PAUSE } from './instrument.js';

const top = (code: string): string => instrumentLoops(code, { topLevel: true }).code;

describe('instrumentLoops', () => {
  it('puts a pause point at the start of every loop body that may await', () => {
    expect(top('while (true) {}')).toBe(`while (true) {${PAUSE}}`);
    expect(top('for (;;) x++;\ny()')).toBe(`for (;;) {${PAUSE}x++;}\ny()`);
    expect(top('do f(); while (g())')).toBe(`do {${PAUSE}f();} while (g())`);
    expect(top('for (const k in o) for (const v of k) ;')).toBe(`for (const k in o) {${PAUSE}for (const v of k) {${PAUSE};}}`);
    expect(top('while (a)\n  b()\nc()')).toBe(`while (a)\n  {${PAUSE}b()}\nc()`);
  });

  it('pauses in async functions and at the top level only; plain functions, generators and class blocks run on', () => {
    const code = 'async function a() { while (x) {} }\nfunction b() { while (x) {} }\nconst c = async () => { for (;;) {} };\nfunction* d() { while (x) {} }\nclass E { static { while (x) {} } f = () => { while (x) {} } }\n';
    const out = instrumentLoops(code).code;
    expect(out.split(PAUSE)).toHaveLength(3);
    expect(out).toContain(`async function a() { while (x) {${PAUSE}} }`);
    expect(out).toContain(`const c = async () => { for (;;) {${PAUSE}} };`);
    expect(instrumentLoops(code).topLevel).toBe(false);
    expect(instrumentLoops('while (x) {}').code).toBe('while (x) {}');
  });

  it('treats the CommonJS wrapper body as the top level when asked, and says so', () => {
    const wrapped = '(function (exports, require, module, __filename, __dirname) {while (true) {}\n})';
    expect(instrumentLoops(wrapped, { wrapped: true, topLevel: true })).toEqual({ code: `(function (exports, require, module, __filename, __dirname) {while (true) {${PAUSE}}\n})`, topLevel: true });
    expect(instrumentLoops(wrapped, { wrapped: true })).toEqual({ code: wrapped, topLevel: false });
  });

  it('keeps line numbers, ignores loops in strings, comments and templates, and leaves unparsable code alone', () => {
    const code = 'const s = "while (1) {}"; // for (;;) {}\nconst t = `${"do {} while (0)"}`;\n/* while */ for (let i = 0; i < 2; i++) {\n  i;\n}\n';
    const out = top(code);
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
    expect(out.split(PAUSE)).toHaveLength(2);
    expect(top('while (true) {')).toBe('while (true) {');
  });
});

describe('inline timer and server callbacks', () => {
  it('become async (wrapped so a throw stays uncaught) when their own body holds a loop', () => {
    const code = 'setInterval(() => {\n  while (true) {}\n}, 10);\nhttp.createServer(function (req, res) { for (;;) {} }).listen(3000, () => { do {} while (0) });\nsetTimeout(() => f(), 1);\nemitter.on("x", () => { while (1) {} });\n';
    const out = instrumentLoops(code).code;
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
    expect(out).toContain(`setInterval(__slipway_async(async () => {\n  while (true) {${PAUSE}}\n}), 10);`);
    expect(out).toContain(`http.createServer(__slipway_async(async function (req, res) { for (;;) {${PAUSE}} })).listen(3000, __slipway_async(async () => { do {${PAUSE}} while (0) }));`);
    expect(out).toContain('setTimeout(() => f(), 1);');
    expect(out).toContain('emitter.on("x", () => { while (1) {} });');
  });
});
