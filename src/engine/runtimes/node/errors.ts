/**
 * How a dying `node` reports: the uncaught error as Node prints it (the
 * source line and caret, `Error: …`, `    at …` frames, extra properties,
 * `Node.js v…`), and Slipway's own messages for the limits the sandbox
 * enforces. QuickJS frames are renamed to Node's (`Object.<anonymous>` for a
 * module's top level); Node's internal frames are approximations.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import type { Vfs } from '../../../os/vfs.js';

/** The CommonJS wrapper the loader puts on the first line of every module (modules.ts). */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) {';
/** The same wrapper, async and of the same length (so line-1 columns need one correction). */
const ASYNC_WRAPPER = '(async function(exports,require,module,__filename,__dirname){';

/** Makes the main module's wrapper async when pause points were put at its top level. */
export function wrapMainModule({ code, topLevel }: { code: string; topLevel: boolean }): string {
  return topLevel && code.startsWith(WRAPPER) ? ASYNC_WRAPPER + code.slice(WRAPPER.length) : code;
}

const RESOLVE_FRAMES = [
  '    at Function._resolveFilename (node:internal/modules/cjs/loader:1421:15)',
  '    at defaultResolveImpl (node:internal/modules/cjs/loader:1059:19)',
  '    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1064:22)',
  '    at Function._load (node:internal/modules/cjs/loader:1227:37)',
  '    at TracingChannel.traceSync (node:diagnostics_channel:328:14)',
  '    at wrapModuleLoad (node:internal/modules/cjs/loader:245:24)',
  '    at Module.require (node:internal/modules/cjs/loader:1504:12)',
  '    at require (node:internal/modules/helpers:152:16)',
];

const TIMER_FRAMES = ['    at listOnTimeout (node:internal/timers:608:17)', '    at process.processTimers (node:internal/timers:543:7)'];

const MAIN_FRAMES = [
  '    at Module._compile (node:internal/modules/cjs/loader:1761:14)',
  '    at Object..js (node:internal/modules/cjs/loader:1893:10)',
  '    at Module.load (node:internal/modules/cjs/loader:1481:32)',
  '    at Function._load (node:internal/modules/cjs/loader:1300:12)',
  '    at TracingChannel.traceSync (node:diagnostics_channel:328:14)',
  '    at wrapModuleLoad (node:internal/modules/cjs/loader:245:24)',
  '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:154:5)',
  '    at node:internal/main/run_main_module:33:47',
];

const ENTRY_FRAMES = [
  '    at Function._resolveFilename (node:internal/modules/cjs/loader:1421:15)',
  '    at Function._load (node:internal/modules/cjs/loader:1227:37)',
  '    at TracingChannel.traceSync (node:diagnostics_channel:328:14)',
  '    at wrapModuleLoad (node:internal/modules/cjs/loader:245:24)',
  '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:154:5)',
  '    at node:internal/main/run_main_module:33:47',
];

const AT = /^ {4}at /;
const FRAME = /^ {4}at (?:(.*) \()?(.*?):(\d+):(\d+)\)?$/;

function sourceHeader(fs: Vfs, file: string, line: number, column: number): string | null {
  try {
    const lines = new TextDecoder().decode(fs.readFile(file)).split('\n');
    const text = (lines[line - 1] ?? '').replace(/\r$/, '');
    let col = Math.max(0, column - 1 - (line === 1 ? WRAPPER.length : 0));
    const throwAt = text.lastIndexOf('throw', col);
    if (throwAt >= 0) col = throwAt;
    return `${file}:${line}\n${text}\n${' '.repeat(Math.min(col, text.length))}^\n\n`;
  } catch {
    return null;
  }
}

export function formatUncaught(fs: Vfs, dumped: unknown, inspected: string, version: string): string {
  const footer = `\nNode.js v${version}\n`;
  const isError = !!dumped && typeof dumped === 'object' && typeof (dumped as { message?: unknown }).message === 'string';
  const lines = inspected.split('\n');
  const firstFrame = lines.findIndex((l) => AT.test(l));
  if (!isError || firstFrame < 0) {
    const text = typeof dumped === 'string' ? dumped : inspected;
    return `${text}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n${footer}`;
  }
  let lastFrame = firstFrame;
  while (lastFrame + 1 < lines.length && AT.test(lines[lastFrame + 1])) lastFrame++;
  const opensProps = lines[lastFrame].endsWith(' {');
  const head = lines.slice(0, firstFrame);
  const trailer = lines.slice(lastFrame + 1);
  const rawFrames = lines.slice(firstFrame, lastFrame + 1).map((l) => l.replace(/ \{$/, ''));
  // Where the error surfaced decides how Node names the outermost user frame.
  const parsed = rawFrames.map((l) => FRAME.exec(l)).filter((m): m is RegExpExecArray => !!m && m[2].startsWith('/'));
  const outer = parsed[parsed.length - 1]?.[1];
  const context = rawFrames.some((l) => l.includes('(node:internal/modules:')) || outer === '<eval>' ? 'main' : rawFrames.some((l) => l.includes('(node:internal/bootstrap:')) ? 'timer' : 'callback';
  const userFrames: string[] = [];
  let location: [string, number, number] | null = null;
  for (const [i, [, fn, file, line, col]] of parsed.entries()) {
    location ??= [file, Number(line), Number(col)];
    const column = Number(line) === 1 && !file.endsWith('.mjs') ? Math.max(1, Number(col) - WRAPPER.length) : Number(col);
    const anonymous = !fn || fn === '<anonymous>' || fn === '<eval>';
    const outermost = i === parsed.length - 1;
    const name = !anonymous ? fn : outermost && context === 'main' ? 'Object.<anonymous>' : outermost && context === 'timer' ? 'Timeout._onTimeout' : null;
    userFrames.push(name ? `    at ${name} (${file}:${line}:${column})` : `    at ${file}:${line}:${column}`);
  }
  const code = (dumped as { code?: unknown }).code;
  const requireStack = (dumped as { requireStack?: unknown }).requireStack;
  let header: string | null;
  let frames: string[];
  if (code === 'MODULE_NOT_FOUND' && Array.isArray(requireStack) && requireStack.length === 0) {
    header = 'node:internal/modules/cjs/loader:1424\n  throw err;\n  ^\n\n';
    frames = ENTRY_FRAMES;
  } else if (code === 'MODULE_NOT_FOUND') {
    header = 'node:internal/modules/cjs/loader:1424\n  throw err;\n  ^\n\n';
    frames = [...RESOLVE_FRAMES, ...userFrames.slice(0, 1), MAIN_FRAMES[0]];
  } else if ((dumped as { name?: unknown }).name === 'SyntaxError' && parsed.length > 0 && !parsed[0][1]) {
    // A parse error: V8 reports it from the loader that compiled the file, not from user frames.
    header = location ? sourceHeader(fs, ...location) : null;
    frames = ['    at wrapSafe (node:internal/modules/cjs/loader:1486:18)', ...MAIN_FRAMES];
  } else {
    header = location ? sourceHeader(fs, ...location) : null;
    frames = context === 'main' ? [...userFrames, ...MAIN_FRAMES] : context === 'timer' ? [...userFrames, ...TIMER_FRAMES] : userFrames;
  }
  // V8 keeps ten frames (Error.stackTraceLimit).
  frames = frames.slice(0, 10);
  if (opensProps && frames.length > 0) frames[frames.length - 1] += ' {';
  else if (opensProps) head[head.length - 1] += ' {';
  return `${header ?? ''}${[...head, ...frames, ...trailer].join('\n')}\n${footer}`;
}

/** Why the sandbox ended a process: memory, or a loop that ran too long where it could not pause. */
export type Fatal = 'runaway' | 'oom';

export function describeFatal(kind: Fatal): string {
  if (kind === 'oom') {
    return '\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n' +
      'Slipway: the script used more memory than this container may (out of memory); it was killed.\n';
  }
  return 'Slipway: the script kept the CPU busy without returning to the event loop (a loop that never ends?), so it was stopped. ' +
    'The simulated Node runtime can pause a loop only at the top level of a script, inside an async function or in a timer or server callback written inline, so such a script is ended as if it were killed.\n';
}

/**
 * Offers an uncaught error to `process.on('uncaughtException')` listeners.
 * True when one took it, false when there are none, or the error a listener threw.
 */
export function offerToScript(vm: QuickJSContext, S: QuickJSHandle, error: QuickJSHandle): boolean | QuickJSHandle {
  const fn = vm.getProp(S, 'uncaughtException');
  try {
    const result = vm.callFunction(fn, vm.undefined, error);
    if (result.error) return result.error;
    const handled = vm.dump(result.value) === true;
    result.value.dispose();
    return handled;
  } finally {
    fn.dispose();
  }
}

/** util.inspect inside the sandbox; falls back to a plain dump when that fails (e.g. out of memory). */
export function inspectInSandbox(vm: QuickJSContext, value: QuickJSHandle, rawFrames: boolean): string {
  const util = vm.unwrapResult(vm.evalCode(`(v) => __slipway.builtin("util").inspect(v, { rawFrames: ${rawFrames} })`, 'node:internal/inspect'));
  try {
    const result = vm.callFunction(util, vm.undefined, value);
    if (result.error) {
      result.error.dispose();
      return String(JSON.stringify(vm.dump(value)));
    }
    const text = vm.getString(result.value);
    result.value.dispose();
    return text;
  } finally {
    util.dispose();
  }
}
