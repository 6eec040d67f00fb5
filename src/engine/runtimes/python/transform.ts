/**
 * MicroPython in wasm cannot block, so `input()` and `time.sleep()` become
 * awaits on the host: `input(p)` is rewritten to `(await __slipway_input(p))`,
 * and a function that (now) awaits becomes `async def`, with its plain-name
 * calls awaited in turn. Lines are edited in place, never added or removed, so
 * traceback line numbers still point at the student's file.
 *
 * Limits (documented): method calls (`self.ask()`), lambdas and
 * comprehensions around `input()` are not made async.
 */

interface Call {
  /** Index of the name's first character. */
  readonly start: number;
  /** Index of the `(` after the name. */
  readonly open: number;
  /** Index of the matching `)`. */
  readonly close: number;
}

const IDENT = /[A-Za-z0-9_]/;

/** Indices of code characters (outside strings and comments), as a mask. */
function codeMask(src: string): boolean[] {
  const mask = new Array<boolean>(src.length).fill(true);
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') mask[i++] = false;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = src.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      const from = i;
      i += quote.length;
      while (i < src.length && !src.startsWith(quote, i)) {
        if (src[i] === '\\') i++;
        else if (!triple && src[i] === '\n') break;
        i++;
      }
      i = Math.min(src.length, i + quote.length);
      for (let k = from; k < i; k++) mask[k] = false;
      continue;
    }
    i++;
  }
  return mask;
}

function matchingParen(src: string, mask: boolean[], open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (!mask[i]) continue;
    if (src[i] === '(' || src[i] === '[' || src[i] === '{') depth++;
    else if (src[i] === ')' || src[i] === ']' || src[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Calls of `name(` (optionally `obj.name(` when `qualifier` is given) that are not definitions or other attributes. */
function findCalls(src: string, name: string, qualifier?: string): Call[] {
  const mask = codeMask(src);
  const calls: Call[] = [];
  let from = 0;
  for (;;) {
    const at = src.indexOf(name, from);
    if (at < 0) break;
    from = at + name.length;
    if (!mask[at] || IDENT.test(src[at - 1] ?? '') || IDENT.test(src[at + name.length] ?? '')) continue;
    let open = at + name.length;
    while (src[open] === ' ') open++;
    if (src[open] !== '(') continue;
    let start = at;
    const before = src.slice(0, at).replace(/[ \t]+$/, '');
    if (qualifier !== undefined) {
      if (!before.endsWith(`${qualifier}.`)) continue;
      start = before.length - qualifier.length - 1;
      if (IDENT.test(src[start - 1] ?? '') || src[start - 1] === '.') continue;
    } else if (before.endsWith('.') || /\bdef$/.test(before) || /\bawait$/.test(before)) continue;
    const close = matchingParen(src, mask, open);
    if (close < 0) continue;
    calls.push({ start, open, close });
  }
  return calls;
}

/** Replaces each call's callee by `replacement` and wraps the call in `(await …)`. */
function awaitCalls(src: string, calls: readonly Call[], replacement?: string): string {
  let out = src;
  for (const call of [...calls].sort((a, b) => b.start - a.start)) {
    const callee = replacement ?? out.slice(call.start, call.open);
    out = `${out.slice(0, call.start)}(await ${callee}${out.slice(call.open, call.close + 1)})${out.slice(call.close + 1)}`;
  }
  return out;
}

interface Def {
  readonly name: string;
  readonly defAt: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

function functionDefs(src: string): Def[] {
  const defs: Def[] = [];
  const lines = src.split('\n');
  let offset = 0;
  const starts = lines.map((line) => {
    const s = offset;
    offset += line.length + 1;
    return s;
  });
  lines.forEach((line, n) => {
    const m = /^([ \t]*)(async[ \t]+)?def[ \t]+([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
    if (!m || m[2]) return;
    const indent = m[1].length;
    let end = n + 1;
    while (end < lines.length) {
      const l = lines[end];
      if (l.trim() !== '' && !l.trim().startsWith('#') && l.length - l.trimStart().length <= indent) break;
      end++;
    }
    defs.push({ name: m[3], defAt: starts[n] + indent, bodyStart: starts[n], bodyEnd: end < lines.length ? starts[end] : src.length });
  });
  return defs;
}

/** Rewrites blocking calls into awaits on the host (see the module comment). */
export function makeAwaitable(src: string): string {
  let out = awaitCalls(src, findCalls(src, 'input'), '__slipway_input');
  out = awaitCalls(out, findCalls(out, 'sleep', 'time'), '__slipway_sleep');
  if (/^\s*from\s+time\s+import\s+.*\bsleep\b/m.test(out)) out = awaitCalls(out, findCalls(out, 'sleep'), '__slipway_sleep');
  const made = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const defs = functionDefs(out).filter((d) => !made.has(d.name) && /\bawait\b/.test(out.slice(d.bodyStart, d.bodyEnd)));
    if (defs.length === 0) break;
    for (const def of [...defs].sort((a, b) => b.defAt - a.defAt)) out = `${out.slice(0, def.defAt)}async ${out.slice(def.defAt)}`;
    for (const def of defs) {
      made.add(def.name);
      out = awaitCalls(out, findCalls(out, def.name));
    }
  }
  return out;
}
