/**
 * pflag's FlagUsagesWrapped: the Options table of `docker <cmd> --help`.
 * Flags are sorted by long name, the description column starts three spaces
 * after the widest flag column, and descriptions wrap at the terminal width
 * (docker passes width-1, 79 when there is no terminal).
 */
import type { FlagSpec } from '../argv/flags.js';

const ZERO_DEFAULTS = new Set(['', 'false', '0', '0s', '[]']);

function valueName(flag: FlagSpec, usage: string): [string, string] {
  const open = usage.indexOf('`');
  if (open >= 0) {
    const close = usage.indexOf('`', open + 1);
    if (close > open) {
      return [usage.slice(open + 1, close), usage.slice(0, open) + usage.slice(open + 1, close) + usage.slice(close + 1)];
    }
  }
  if (flag.varName) return [flag.varName, usage];
  const names: Record<FlagSpec['kind'], string> = {
    bool: '',
    string: 'string',
    list: 'list',
    int: 'int',
    duration: 'duration',
    stringArray: 'stringArray',
    strings: 'strings',
  };
  return [names[flag.kind], usage];
}

function wrapN(limit: number, slop: number, text: string): [string, string] {
  if (limit + slop > text.length) return [text, ''];
  const head = text.slice(0, limit);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [text, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [text.slice(0, nl), text.slice(nl + 1)];
  return [text.slice(0, w), text.slice(w + 1)];
}

function wrap(indent: number, width: number, text: string): string {
  let i = indent;
  let room = width - i;
  let out = '';
  if (room < 24) {
    i = 16;
    room = width - i;
    out += `\n${' '.repeat(i)}`;
  }
  if (room < 24) return text.replaceAll('\n', out);
  const slop = 5;
  room -= slop;
  const pad = ' '.repeat(i);
  let [line, rest] = wrapN(room, slop, text);
  out += line.replaceAll('\n', `\n${pad}`);
  while (rest !== '') {
    [line, rest] = wrapN(room, slop, rest);
    out += `\n${pad}${line.replaceAll('\n', `\n${pad}`)}`;
  }
  return out;
}

/** The Options block body (no trailing newline), as `wrappedFlagUsages | trimRightSpace`. */
export function flagUsages(flags: readonly FlagSpec[], columns: number): string {
  const visible = flags.filter((f) => !f.hidden).sort((a, b) => (a.long < b.long ? -1 : a.long > b.long ? 1 : 0));
  const rows: { head: string; usage: string }[] = [];
  let maxlen = 0;
  for (const flag of visible) {
    let head = flag.short ? `  -${flag.short}, --${flag.long}` : `      --${flag.long}`;
    const [name, usageText] = valueName(flag, flag.usage);
    if (name) head += ` ${name}`;
    let usage = usageText;
    if (flag.def !== undefined && !ZERO_DEFAULTS.has(flag.def)) {
      usage += flag.kind === 'string' ? ` (default "${flag.def}")` : ` (default ${flag.def})`;
    }
    // pflag measures the head plus its \x00 separator.
    maxlen = Math.max(maxlen, head.length + 1);
    rows.push({ head, usage });
  }
  const width = columns - 1;
  const lines = rows.map(({ head, usage }) => `${head} ${' '.repeat(maxlen - head.length)} ${wrap(maxlen + 2, width, usage)}`);
  return lines.join('\n').replace(/\s+$/, '');
}
