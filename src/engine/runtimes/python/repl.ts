/**
 * `docker run -it python`: CPython's interactive prompt on a line-mode
 * terminal (the engine's pty echoes and edits the line). Expressions echo
 * their repr, blocks continue with `... ` until an empty line, Ctrl-C prints
 * `KeyboardInterrupt`, Ctrl-D ends with exit 0.
 */
import { INTERRUPTED } from './lineReader.js';
import { Killed } from './PythonProcess.js';
import type { PythonProcess } from './PythonProcess.js';

/** True while the lines so far cannot be a complete statement (open brackets, a block header, a trailing backslash). */
export function needsMore(lines: readonly string[]): boolean {
  const src = lines.join('\n');
  let depth = 0;
  let quote = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (src.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '"' || c === "'") quote = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  if (quote.length === 3 || depth > 0) return true;
  const last = (lines[lines.length - 1] ?? '').replace(/#.*$/, '').trimEnd();
  if (last.endsWith('\\')) return true;
  const first = (lines[0] ?? '').replace(/#.*$/, '').trimEnd();
  // A block ends with an empty line, as in CPython's REPL.
  if (first.endsWith(':') || /^\s*@/.test(first)) return lines[lines.length - 1]?.trim() !== '' || lines.length === 1;
  return false;
}

export function banner(version: string): string {
  return `Python ${version} (main, Nov  4 2025, 21:27:05) [GCC 14.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;
}

export async function runRepl(proc: PythonProcess, version: string): Promise<number> {
  const { ctx } = proc;
  ctx.stdout.write(banner(version));
  let counter = 0;
  for (;;) {
    const lines: string[] = [];
    let interrupted = false;
    do {
      ctx.stdout.write(lines.length === 0 ? '>>> ' : '... ');
      const line = await proc.readLine();
      if (line === INTERRUPTED) {
        ctx.stdout.write('\nKeyboardInterrupt\n');
        interrupted = true;
        break;
      }
      if (line === null) {
        ctx.stdout.write('\n');
        return 0;
      }
      lines.push(line);
    } while (needsMore(lines));
    if (interrupted || lines.every((l) => l.trim() === '')) continue;
    // Since 3.13 a bare `exit` or `quit` leaves the REPL.
    if (lines.length === 1 && /^\s*(exit|quit)\s*$/.test(lines[0])) return 0;
    const src = lines.join('\n');
    const filename = `<python-input-${counter++}>`;
    const code = proc.isExpression(src) ? `__slipway_echo((${src}\n))` : src;
    try {
      const status = await proc.exec(code, { filename, lines });
      if (status !== null && !proc.lastWasError) return status;
    } catch (error) {
      if (error instanceof Killed) return 137;
      throw error;
    }
  }
}
