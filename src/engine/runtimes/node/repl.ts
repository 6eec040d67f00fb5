/**
 * `docker run -it node`: Node's REPL. Lines are evaluated in the global scope
 * and echoed the way the REPL formats values (util.inspect); an unfinished
 * block continues on a `... ` prompt; `.exit`, Ctrl-D and a second Ctrl-C
 * end it. The event loop keeps running underneath, so timers still fire.
 */
import type { QuickJSHandle } from 'quickjs-emscripten';
import type { NodeProcess } from './NodeProcess.js';

const HELP = [
  '.break     Sometimes you get stuck, this gets you out',
  '.clear     Alias for .break',
  '.editor    Enter editor mode',
  '.exit      Exit the REPL',
  '.help      Print this help message',
  '.load      Load JS from a file into the REPL session',
  '.save      Save all evaluated commands in this REPL session to a file',
  '',
  'Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL',
  '',
].join('\n');

/** True when a SyntaxError points at the very end of the input: the user has not finished typing. */
function unfinished(proc: NodeProcess, error: QuickJSHandle, code: string): boolean {
  const dumped = proc.vm.dump(error) as { name?: string; message?: string; stack?: string } | null;
  if (!dumped || dumped.name !== 'SyntaxError' || dumped.message === 'unexpected end of string') return false;
  const m = /:(\d+):(\d+)/.exec(dumped.stack ?? '');
  if (!m) return false;
  const lines = code.replace(/\n$/, '').split('\n');
  const [line, column] = [Number(m[1]), Number(m[2])];
  return line > lines.length || (line === lines.length && column > lines[lines.length - 1].trimEnd().length);
}

export async function runRepl(proc: NodeProcess): Promise<number> {
  const { ctx, vm } = proc;
  const out = (text: string): void => ctx.stdout.write(text);
  out(`Welcome to Node.js v${proc.version}.\nType ".help" for more information.\n> `);
  proc.keepAlive++;
  let buffer = '';
  let interrupts = 0;
  let counter = 0;

  // Node's REPL shows the error without the frames of the REPL line itself.
  const report = (error: QuickJSHandle): void => {
    const lines = proc.inspect(error).split('\n').filter((l) => !/^ {4}at (<eval> )?\(?REPL\d+:\d+:\d+\)?$/.test(l));
    out(`Uncaught ${lines.join('\n')}\n`);
  };

  /** Evaluates a complete input; false when the input is unfinished and needs more lines. */
  const evaluate = (code: string): boolean => {
    const filename = `REPL${++counter}`;
    // Like Node, a line starting with `{` is tried as an object literal first.
    let result = /^\s*\{/.test(code) && !/;\s*$/.test(code) ? proc.evalRaw(`(${code.replace(/\n$/, '')})`, filename) : null;
    if (result?.error) {
      result.error.dispose();
      result = null;
    }
    result ??= proc.evalRaw(code, filename);
    if (!result || proc.finished) return true;
    if (result.error) {
      const more = unfinished(proc, result.error, code);
      if (!more) report(result.error);
      result.error.dispose();
      return !more;
    }
    out(`${proc.inspect(result.value)}\n`);
    vm.setProp(vm.global, '_', result.value);
    result.value.dispose();
    return true;
  };

  const line = (text: string): void => {
    interrupts = 0;
    const command = text.trim();
    if (buffer === '' && command.startsWith('.')) {
      const [keyword] = command.split(/\s+/);
      if (keyword === '.exit') return proc.requestExit(0);
      if (keyword === '.help') out(HELP);
      else if (keyword === '.break' || keyword === '.clear') buffer = '';
      else out('Invalid REPL keyword\n');
      out('> ');
      return;
    }
    if (buffer === '' && command === '') return out('> ');
    const code = `${buffer}${text}\n`;
    buffer = evaluate(code) ? '' : code;
    if (!proc.finished) out(buffer ? '... ' : '> ');
  };

  const interrupt = (): void => {
    if (buffer !== '') {
      buffer = '';
      interrupts = 0;
      out('\n> ');
      return;
    }
    if (++interrupts >= 2) return proc.requestExit(0);
    out('\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n> ');
  };

  const untrap = ctx.trap('SIGINT', () => proc.post(interrupt));
  const reading = (async () => {
    let partial = '';
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (proc.finished) return;
      if (chunk === null) {
        proc.post(() => {
          out('\n');
          proc.requestExit(0);
        });
        return;
      }
      partial += chunk;
      for (;;) {
        const cut = partial.search(/[\n\x03\x04]/);
        if (cut < 0) break;
        const text = partial.slice(0, cut);
        const key = partial[cut];
        partial = partial.slice(cut + 1);
        if (key === '\n') proc.post(() => line(text.replace(/\r$/, '')));
        else if (key === '\x03') proc.post(interrupt);
        else if (text === '') {
          proc.post(() => {
            out('\n');
            proc.requestExit(0);
          });
          return;
        }
      }
    }
  })();
  try {
    return await proc.loop();
  } finally {
    untrap();
    void reading;
  }
}
