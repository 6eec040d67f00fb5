/** Text filters: head, tail, wc, sort, uniq, cut, tr, tee, seq. grep lives in ./grep.ts. */
import type { CommandContext, ExternalCommand } from '../../os/process.js';
import { abs, badOption, lines, parseArgs, readInputs, reasonOf } from './args.js';

/** `-5` as `-n 5`, the historical form head and tail still accept. */
function legacyCount(args: string[]): string[] {
  return args.map((a) => (/^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headTail(which: 'head' | 'tail'): ExternalCommand {
  return async (argv, ctx) => {
    const p = parseArgs(legacyCount(argv.slice(1)), 'qvf', 'nc', { lines: 'n', bytes: 'c', quiet: 'q', follow: 'f' });
    if (p.unknown) return badOption(ctx, which, p.unknown);
    const spec = p.values.get('n') ?? p.values.get('c') ?? '10';
    const bytes = p.values.has('c');
    const fromStart = which === 'tail' && spec.startsWith('+');
    const n = Number(spec.replace(/^[+-]/, ''));
    if (!Number.isInteger(n)) {
      ctx.stderr.write(`${which}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'\n`);
      return 1;
    }
    if (which === 'head' && !bytes && !spec.startsWith('-') && p.operands.length === 0) return streamHead(ctx, n);
    let status = 0;
    const inputs = await readInputs(ctx, p.operands, (name, reason) => {
      ctx.stderr.write(`${which}: cannot open '${name}' for reading: ${reason}\n`);
      status = 1;
    });
    const headers = inputs.length > 1 && !p.flags.has('q');
    inputs.forEach(({ name, text }, i) => {
      if (headers) ctx.stdout.write(`${i > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`);
      if (bytes) {
        ctx.stdout.write(which === 'head' ? text.slice(0, n) : fromStart ? text.slice(n - 1) : text.slice(Math.max(0, text.length - n)));
        return;
      }
      const parts = text.split(/(?<=\n)/);
      const chosen = which === 'head' ? (spec.startsWith('-') ? parts.slice(0, Math.max(0, parts.length - n)) : parts.slice(0, n)) : fromStart ? parts.slice(Math.max(0, n - 1)) : parts.slice(Math.max(0, parts.length - n));
      ctx.stdout.write(chosen.join(''));
    });
    return status;
  };
}
/** `head` on stdin stops reading after n lines, so an endless producer upstream gets a broken pipe. */
async function streamHead(ctx: CommandContext, n: number): Promise<number> {
  let left = n;
  while (left > 0) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    const parts = chunk.split(/(?<=\n)/);
    const take = parts.slice(0, left);
    left -= take.filter((l) => l.endsWith('\n')).length;
    ctx.stdout.write(take.join(''));
  }
  return 0;
}

export const head = headTail('head');
export const tail = headTail('tail');

export const wc: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'lwcmL', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if (p.unknown) return badOption(ctx, 'wc', p.unknown);
  let status = 0;
  const inputs = await readInputs(ctx, p.operands, (name, reason) => {
    ctx.stderr.write(`wc: ${name}: ${reason}\n`);
    status = 1;
  });
  const which = ['l', 'w', 'c'].filter((f) => p.flags.has(f) || (f === 'c' && p.flags.has('m')));
  const fields = which.length ? which : ['l', 'w', 'c'];
  const counts = inputs.map(({ name, text }) => ({
    name,
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: p.flags.has('m') ? [...text].length : new TextEncoder().encode(text).length,
  }));
  const rows = [...counts];
  if (counts.length > 1) rows.push({ name: 'total', l: sum(counts, 'l'), w: sum(counts, 'w'), c: sum(counts, 'c') });
  // GNU: one count of one input is unpadded; stdin pads to 7; files pad to the widest total.
  const fromStdin = inputs.some((i) => i.name === '-');
  const widest = Math.max(1, ...rows.flatMap((r) => fields.map((f) => String(r[f as 'l']).length)));
  const width = fields.length === 1 && rows.length === 1 ? 1 : fromStdin ? Math.max(7, widest) : widest;
  for (const r of rows) {
    const cols = fields.map((f) => String(r[f as 'l']).padStart(width)).join(' ');
    ctx.stdout.write(r.name === '-' ? `${cols}\n` : `${cols} ${r.name}\n`);
  }
  return status;
};

function sum(rows: { l: number; w: number; c: number }[], key: 'l' | 'w' | 'c'): number {
  return rows.reduce((a, r) => a + r[key], 0);
}

export const sort: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'rnufbhV', 'tko', { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f' });
  if (p.unknown) return badOption(ctx, 'sort', p.unknown);
  let status = 0;
  const inputs = await readInputs(ctx, p.operands, (name, reason) => {
    ctx.stderr.write(`sort: cannot read: ${name}: ${reason}\n`);
    status = 2;
  });
  if (status) return status;
  const sep = p.values.get('t');
  const keySpec = p.values.get('k');
  const keyField = keySpec ? Number(/^[0-9]+/.exec(keySpec)?.[0] ?? 1) : 0;
  const numericKey = p.flags.has('n') || (keySpec?.includes('n') ?? false);
  const key = (line: string): string => {
    if (!keyField) return line;
    const parts = sep ? line.split(sep) : line.trim().split(/\s+/);
    return parts.slice(keyField - 1).join(sep ?? ' ');
  };
  const fold = (s: string): string => (p.flags.has('f') ? s.toUpperCase() : s);
  const cmp = (a: string, b: string): number => {
    const ka = fold(key(a));
    const kb = fold(key(b));
    if (numericKey) {
      const d = (parseFloat(ka) || 0) - (parseFloat(kb) || 0);
      if (d !== 0) return d;
      if (keyField || p.flags.has('u')) return 0;
    }
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let all = inputs.flatMap((i) => lines(i.text)).sort(cmp);
  if (p.flags.has('r')) all.reverse();
  if (p.flags.has('u')) all = all.filter((l, i) => i === 0 || cmp(all[i - 1], l) !== 0);
  const text = all.map((l) => l + '\n').join('');
  if (p.values.has('o')) ctx.fs.writeFile(abs(ctx, p.values.get('o')!), text);
  else ctx.stdout.write(text);
  return 0;
};

export const uniq: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'cdui', '', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if (p.unknown) return badOption(ctx, 'uniq', p.unknown);
  let status = 0;
  const inputs = await readInputs(ctx, p.operands.slice(0, 1), (name, reason) => {
    ctx.stderr.write(`uniq: ${name}: ${reason}\n`);
    status = 1;
  });
  if (status) return status;
  const all = lines(inputs[0]?.text ?? '');
  const same = (a: string, b: string): boolean => (p.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  let out = '';
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && same(all[i], all[j])) j++;
    const n = j - i;
    if ((!p.flags.has('d') || n > 1) && (!p.flags.has('u') || n === 1)) out += p.flags.has('c') ? `${String(n).padStart(7)} ${all[i]}\n` : `${all[i]}\n`;
    i = j;
  }
  ctx.stdout.write(out);
  return 0;
};

/** Parses cut's LIST (`1,3-4,6-`) into a membership test (1-based). */
function cutList(spec: string): ((n: number) => boolean) | null {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || part === '0') return null;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

export const cut: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 's', 'dfcb', { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b' });
  if (p.unknown) return badOption(ctx, 'cut', p.unknown);
  const spec = p.values.get('f') ?? p.values.get('c') ?? p.values.get('b');
  if (spec === undefined) {
    ctx.stderr.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const pick = cutList(spec);
  if (!pick) {
    ctx.stderr.write(`cut: invalid field value '${spec}'\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const delim = p.values.get('d') ?? '\t';
  if (delim.length !== 1) {
    ctx.stderr.write("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  let status = 0;
  const inputs = await readInputs(ctx, p.operands, (name, reason) => {
    ctx.stderr.write(`cut: ${name}: ${reason}\n`);
    status = 1;
  });
  for (const { text } of inputs) {
    for (const line of lines(text)) {
      if (!p.values.has('f')) {
        ctx.stdout.write([...line].filter((_c, i) => pick(i + 1)).join('') + '\n');
        continue;
      }
      if (!line.includes(delim)) {
        if (!p.flags.has('s')) ctx.stdout.write(line + '\n');
        continue;
      }
      ctx.stdout.write(line.split(delim).filter((_f, i) => pick(i + 1)).join(delim) + '\n');
    }
  }
  return status;
};

/** Expands a tr SET: ranges, escapes and the common classes. */
function trSet(spec: string): string[] {
  const classes: Record<string, string> = {
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    lower: 'abcdefghijklmnopqrstuvwxyz',
    digit: '0123456789',
    space: ' \t\n\r\f\v',
    blank: ' \t',
    punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  classes.alpha = classes.upper + classes.lower;
  classes.alnum = classes.alpha + classes.digit;
  const chars: string[] = [];
  const src = spec.replace(/\[:([a-z]+):\]/g, (m, name: string) => (classes[name] ?? m).replace(/[\\-]/g, '\\$&'));
  const unescaped: string[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\' && i + 1 < src.length) {
      const e = src[++i];
      unescaped.push(({ n: '\n', t: '\t', r: '\r', '\\': '\\' } as Record<string, string>)[e] ?? e);
      // Mark escaped '-' so it is not taken as a range.
      if (e === '-') unescaped[unescaped.length - 1] = '\u0000-';
    } else unescaped.push(src[i]);
  }
  for (let i = 0; i < unescaped.length; i++) {
    const c = unescaped[i];
    if (unescaped[i + 1] === '-' && i + 2 < unescaped.length) {
      const from = c.codePointAt(0)!;
      const to = unescaped[i + 2].codePointAt(0)!;
      for (let x = from; x <= to; x++) chars.push(String.fromCodePoint(x));
      i += 2;
    } else chars.push(c === '\u0000-' ? '-' : c);
  }
  return chars;
}

export const tr: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'dsc', '', { delete: 'd', 'squeeze-repeats': 's' });
  if (p.unknown) return badOption(ctx, 'tr', p.unknown);
  if (p.operands.length === 0 || (!p.flags.has('d') && !p.flags.has('s') && p.operands.length < 2)) {
    ctx.stderr.write(p.operands.length === 0 ? "tr: missing operand\nTry 'tr --help' for more information.\n" : `tr: missing operand after '${p.operands[0]}'\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = trSet(p.operands[0]);
  const set2 = p.operands[1] !== undefined ? trSet(p.operands[1]) : [];
  const text = await readAllStdin(ctx);
  let out = '';
  let last = '';
  for (const ch of text) {
    let c: string | null = ch;
    if (p.flags.has('d')) {
      if (set1.includes(ch)) c = null;
    } else if (set2.length) {
      const i = set1.indexOf(ch);
      if (i >= 0) c = set2[Math.min(i, set2.length - 1)];
    }
    if (c === null) continue;
    const squeezeSet = p.flags.has('d') || set2.length ? set2 : set1;
    if (p.flags.has('s') && c === last && squeezeSet.includes(c)) continue;
    out += c;
    last = c;
  }
  ctx.stdout.write(out);
  return 0;
};

async function readAllStdin(ctx: CommandContext): Promise<string> {
  let out = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) out += chunk;
  return out;
}

export const tee: ExternalCommand = async (argv, ctx) => {
  const p = parseArgs(argv.slice(1), 'ai', '', { append: 'a' });
  if (p.unknown) return badOption(ctx, 'tee', p.unknown);
  let status = 0;
  const targets: string[] = [];
  for (const name of p.operands) {
    try {
      const path = abs(ctx, name);
      if (!p.flags.has('a') || !ctx.fs.stat(path)) ctx.fs.writeFile(path, '');
      targets.push(path);
    } catch (e) {
      ctx.stderr.write(`tee: ${name}: ${reasonOf(e)}\n`);
      status = 1;
    }
  }
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    ctx.stdout.write(chunk);
    for (const t of targets) ctx.fs.writeFile(t, chunk, { append: true });
  }
  return status;
};

export const seq: ExternalCommand = async (argv, ctx) => {
  const args = [...argv.slice(1)];
  let sep = '\n';
  let width = false;
  while (args.length && /^-[sw]/.test(args[0]) && !/^-[0-9]/.test(args[0])) {
    const a = args.shift()!;
    if (a === '-w') width = true;
    else sep = a.length > 2 ? a.slice(2) : (args.shift() ?? '\n');
  }
  if (args.length === 0 || args.length > 3) {
    ctx.stderr.write(args.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: extra operand '${args[3]}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const nums = args.map(Number);
  const bad = args.find((a, i) => a.trim() === '' || Number.isNaN(nums[i]));
  if (bad !== undefined) {
    ctx.stderr.write(`seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) {
    ctx.stderr.write(`seq: invalid Zero increment value: '${args[1]}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.split('.')[1].length : 0)));
  const pad = width ? Math.max(...[first, last].map((n) => n.toFixed(decimals).length)) : 0;
  let chunk = '';
  let any = false;
  for (let x = first, i = 0; step > 0 ? x <= last + 1e-9 : x >= last - 1e-9; x = first + step * ++i) {
    chunk += (any ? sep : '') + x.toFixed(decimals).padStart(pad, '0');
    any = true;
    if (chunk.length > 8192) {
      ctx.stdout.write(chunk);
      chunk = '';
      // Let a pipeline reader run (and a `head` end us with a broken pipe).
      await Promise.resolve();
    }
  }
  if (any) ctx.stdout.write(chunk + '\n');
  return 0;
};

/** `yes`: endless lines, stopped by a closed pipe (head) or Ctrl-C. */
export const yes: ExternalCommand = async (argv, ctx) => {
  const line = (argv.length > 1 ? argv.slice(1).join(' ') : 'y') + '\n';
  let stop = false;
  const off = ctx.signals.on((sig) => {
    if (sig === 'SIGINT' || sig === 'SIGKILL') stop = true;
  });
  try {
    const block = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
    while (!stop) {
      ctx.stdout.write(block);
      // Lets the reader run; a finished reader makes the next write throw (SIGPIPE).
      await ctx.clock.sleep(0);
    }
  } finally {
    off();
  }
  return 130;
};
