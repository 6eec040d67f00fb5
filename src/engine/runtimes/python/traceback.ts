/**
 * Turns MicroPython's traceback text into CPython's: the real file name, the
 * source line under each frame, no frames of Slipway's own helpers, and
 * CPython's wording for the messages a beginner meets most.
 *
 * Known differences from CPython 3.14: no `~~~^^^` caret lines, and messages
 * outside the table below keep MicroPython's wording.
 */

/** A `(MicroPython pattern, CPython replacement)` table for common error messages. */
const MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/^ZeroDivisionError: divide by zero$/, 'ZeroDivisionError: division by zero'],
  [/^NameError: name '(.*)' isn't defined$/, "NameError: name '$1' is not defined"],
  [/^ValueError: invalid syntax for integer with base (\d+): (.*)$/, 'ValueError: invalid literal for int() with base $1: $2'],
  [/^ValueError: invalid syntax for number$/, 'ValueError: could not convert string to float'],
  [/^TypeError: can't convert '?(\w+)'? object to str implicitly$/, 'TypeError: can only concatenate str (not "$1") to str'],
  [/^TypeError: unsupported types for __add__: '(\w+)', '(\w+)'$/, "TypeError: unsupported operand type(s) for +: '$1' and '$2'"],
  [/^TypeError: unsupported types for __sub__: '(\w+)', '(\w+)'$/, "TypeError: unsupported operand type(s) for -: '$1' and '$2'"],
  [/^TypeError: unsupported types for __mul__: '(\w+)', '(\w+)'$/, "TypeError: unsupported operand type(s) for *: '$1' and '$2'"],
  [/^TypeError: unsupported types for __truediv__: '(\w+)', '(\w+)'$/, "TypeError: unsupported operand type(s) for /: '$1' and '$2'"],
  [/^TypeError: unsupported types for __lt__: '(\w+)', '(\w+)'$/, "TypeError: '<' not supported between instances of '$1' and '$2'"],
  [/^TypeError: unsupported types for __gt__: '(\w+)', '(\w+)'$/, "TypeError: '>' not supported between instances of '$1' and '$2'"],
  [/^AttributeError: '(\w+)' object has no attribute '(\w+)'$/, "AttributeError: '$1' object has no attribute '$2'"],
  [/^ImportError: no module named '(.*)'$/, "ModuleNotFoundError: No module named '$1'"],
  [/^OSError: \[Errno 2\] No such file or directory(.*)$/, 'FileNotFoundError: [Errno 2] No such file or directory$1'],
  [/^OSError: 44$/, 'FileNotFoundError: [Errno 2] No such file or directory'],
];

export interface TracebackSource {
  /** The name CPython shows for the code (`/app/rng.py`, `<string>`, `<python-input-0>`). */
  readonly filename: string;
  /** The code's lines, to show under each frame. */
  readonly lines?: readonly string[];
}

/** The exception's last line (`EOFError: EOF when reading a line`) with CPython's wording. */
export function cpythonMessage(line: string): string {
  // MicroPython writes `KeyboardInterrupt: ` for an exception without arguments.
  if (/^[\w.]+: $/.test(line)) return line.slice(0, -2);
  for (const [pattern, replacement] of MESSAGES) if (pattern.test(line)) return line.replace(pattern, replacement);
  return line;
}

/** Rewrites a MicroPython traceback (as PythonError.message carries it). */
export function cpythonTraceback(text: string, source: TracebackSource): string {
  let lines = text.replace(/\n$/, '').split('\n');
  // CPython reports a syntax error without the "Traceback" header, since nothing ran yet.
  if (/^(SyntaxError|IndentationError)\b/.test(lines[lines.length - 1] ?? '') && lines[0]?.startsWith('Traceback')) lines = lines.slice(1);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const frame = /^ {2}File "([^"]*)", line (\d+)(?:, in (.*))?$/.exec(line);
    if (frame) {
      if (frame[3]?.startsWith('__slipway')) continue;
      const ours = frame[1] === '<stdin>';
      out.push(`  File "${ours ? source.filename : frame[1]}", line ${frame[2]}${frame[3] === undefined ? '' : `, in ${frame[3]}`}`);
      const code = ours ? source.lines?.[Number(frame[2]) - 1]?.trim() : undefined;
      if (code) out.push(`    ${code}`);
      continue;
    }
    out.push(i === lines.length - 1 ? cpythonMessage(line) : line);
  }
  return `${out.join('\n')}\n`;
}

/** The exception type and message of a traceback's last line. */
export function exceptionOf(text: string): { readonly type: string; readonly message: string } {
  const last = text.replace(/\n$/, '').split('\n').pop() ?? '';
  const colon = last.indexOf(': ');
  return colon < 0 ? { type: last, message: '' } : { type: last.slice(0, colon), message: last.slice(colon + 2) };
}
