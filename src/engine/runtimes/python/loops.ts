/**
 * MicroPython in wasm runs synchronously and this build has no VM hook, so a
 * `while True:` loop would freeze the engine. Each `while` condition gets a
 * tick: at top level and in `async def` bodies it is an await that yields to
 * the engine every few milliseconds (so Ctrl-C, `docker kill`, the other
 * containers and the UI keep answering). Inside a plain function it cannot
 * yield; after a long CPU budget it stops the process instead (documented).
 * Lines are edited in place.
 */

interface Block {
  readonly indent: number;
  readonly kind: 'async' | 'sync';
}

/** Index just after the `:` that ends a `while` header (outside brackets and strings), or -1. */
function headerColon(line: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return -1;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ':' && depth === 0 && line[i + 1] !== '=') return i;
  }
  return -1;
}

export function tickLoops(src: string): string {
  const lines = src.split('\n');
  const stack: Block[] = [];
  let inString = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    // Lines inside a triple-quoted string are left alone (a cheap count of the quotes).
    const triples = (line.match(/"""|'''/g) ?? []).length;
    const wasInString = inString;
    if (triples % 2 === 1) inString = !inString;
    if (wasInString || line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const body = line.trimStart();
    if (/^async\s+def\b/.test(body)) stack.push({ indent, kind: 'async' });
    else if (/^(def|class)\b/.test(body)) stack.push({ indent, kind: 'sync' });
    const m = /^while\b\s*/.exec(body);
    if (!m) continue;
    const condStart = indent + m[0].length;
    const colon = headerColon(line, condStart);
    if (colon < 0) continue;
    const isAsync = stack.length === 0 || stack[stack.length - 1].kind === 'async';
    // Awaiting costs a trip through JS, so only a due slice awaits.
    const tick = isAsync ? '(__slipway_tick() or (await __slipway_pause()))' : '__slipway_tick_sync()';
    lines[n] = `${line.slice(0, condStart)}${tick} and (${line.slice(condStart, colon).trimEnd()})${line.slice(colon)}`;
  }
  return lines.join('\n');
}
