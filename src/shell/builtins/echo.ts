/** `echo` and `printf`, with bash's escapes and format reuse. */
import { decodeEscape } from '../escapes.js';
import type { Builtin } from './types.js';

/** Decodes `echo -e` / `%b` escapes; `\c` stops all further output. Returns [text, stopped]. */
export function echoEscapes(s: string): [string, boolean] {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    if (s[i + 1] === 'c') return [out, true];
    if (s[i + 1] === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2));
      out += String.fromCharCode(parseInt(m?.[0] || '0', 8));
      i += 1 + (m?.[0].length ?? 0);
      continue;
    }
    const [text, used] = decodeEscape(s, i + 1);
    out += text;
    i += used;
  }
  return [out, false];
}

/** dash's echo: only -n is an option, and escapes are always interpreted (`echo 'a\nb'` prints two lines). */
function dashEcho(args: string[], write: (text: string) => void): number {
  const noNewline = args[0] === '-n';
  const [text, stopped] = echoEscapes((noNewline ? args.slice(1) : args).join(' '));
  write(noNewline || stopped ? text : text + '\n');
  return 0;
}

export const echo: Builtin = (args, { io, sh }) => {
  if (sh.rt.flavor === 'sh') return dashEcho(args, (t) => io.stdout.write(t));
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const f of args[i].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const [decoded, stopped] = echoEscapes(text);
    text = decoded;
    if (stopped) newline = false;
  }
  io.stdout.write(newline ? text + '\n' : text);
  return 0;
};

/** Formats like printf(1): the format is reused while arguments remain. */
export function formatPrintf(format: string, args: readonly string[], warn: (msg: string) => void): string {
  let out = '';
  let argIndex = 0;
  const next = (): string | undefined => args[argIndex++];
  do {
    let consumed = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const [text, used] = decodeEscape(format, i + 1);
        out += text;
        i += used;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.([0-9]+))?([sdiouxXcfeEgGb%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, widthSpec, precision, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      consumed = true;
      const width = widthSpec === '*' ? Number(next() ?? 0) : Number(widthSpec ?? 0);
      const arg = next();
      let body: string;
      switch (conv) {
        case 's':
          body = arg ?? '';
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case 'b':
          body = echoEscapes(arg ?? '')[0];
          break;
        case 'c':
          body = (arg ?? '').slice(0, 1);
          break;
        case 'f':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = Number(arg ?? 0);
          const p = precision === undefined ? 6 : Number(precision);
          body = conv === 'f' ? n.toFixed(p) : conv.toLowerCase() === 'e' ? n.toExponential(p) : String(Number(n.toPrecision(p || 1)));
          // C prints at least two exponent digits (1.5e+03); JavaScript prints one.
          body = body.replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E' || conv === 'G') body = body.toUpperCase();
          break;
        }
        default: {
          let n = parseNumber(arg ?? '0');
          if (Number.isNaN(n)) {
            warn(`${arg}: invalid number`);
            n = 0;
          }
          body = conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : conv === 'o' ? n.toString(8) : String(Math.trunc(n));
          if (flags.includes('+') && n >= 0 && (conv === 'd' || conv === 'i')) body = '+' + body;
          if (precision !== undefined) body = body.padStart(Number(precision), '0');
        }
      }
      if (body.length < width) {
        if (flags.includes('-')) body = body.padEnd(width);
        else if (flags.includes('0') && conv !== 's' && !body.startsWith('-')) body = body.padStart(width, '0');
        else body = body.padStart(width);
      }
      out += body;
    }
    if (!consumed) break;
  } while (argIndex < args.length);
  return out;
}

function parseNumber(s: string): number {
  const t = s.trim();
  if (/^['"]/.test(t)) return t.codePointAt(1) ?? 0;
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[-+]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[-+]?[0-9]+$/.test(t)) return Number(t);
  return NaN;
}

export const printf: Builtin = (args, { io, err, sh }) => {
  let i = 0;
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    i = 2;
  }
  if (args[i] === '--') i++;
  if (i >= args.length) {
    err('usage: printf [-v var] format [arguments]');
    return 2;
  }
  let status = 0;
  const text = formatPrintf(args[i], args.slice(i + 1), (msg) => {
    err(msg);
    status = 1;
  });
  if (target) {
    sh.state.vars.set(target, text);
    return status;
  }
  io.stdout.write(text);
  return status;
};
