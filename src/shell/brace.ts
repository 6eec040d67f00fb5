/**
 * Brace expansion (`app/{src,test}`, `file{1..3}`), bash's first expansion.
 * It works on unquoted literal text only, so a brace pair must sit inside one
 * literal run of the word, which covers what people type.
 */
import type { Word, WordPart } from './ast.js';

/** Finds the first expandable `{…}` in `text`: [start, end, alternatives]. */
function findBrace(text: string): [number, number, string[]] | null {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          const body = text.slice(open + 1, i);
          if (commas.length > 0) {
            const alts: string[] = [];
            let from = open + 1;
            for (const c2 of commas) {
              alts.push(text.slice(from, c2));
              from = c2 + 1;
            }
            alts.push(text.slice(from, i));
            return [open, i, alts];
          }
          const seq = sequence(body);
          if (seq) return [open, i, seq];
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
  }
  return null;
}

function sequence(body: string): string[] | null {
  const num = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(body);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[2])];
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0[0-9]/.test(num[1]) || /^-?0[0-9]/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    const out: string[] = [];
    for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) out.push(String(x).padStart(width, '0'));
    return out.length <= 10000 ? out : null;
  }
  const chars = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (chars) {
    const [a, b] = [chars[1].charCodeAt(0), chars[2].charCodeAt(0)];
    const out: string[] = [];
    for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? 1 : -1) out.push(String.fromCharCode(x));
    return out;
  }
  return null;
}

/** Expands braces in one word into one or more words. */
export function expandBraces(word: Word, depth = 0): Word[] {
  if (depth > 20) return [word];
  for (let p = 0; p < word.parts.length; p++) {
    const part = word.parts[p];
    if (part.kind !== 'literal') continue;
    const found = findBrace(part.value);
    if (!found) continue;
    const [start, end, alts] = found;
    const before = part.value.slice(0, start);
    const after = part.value.slice(end + 1);
    return alts.flatMap((alt) => {
      const parts: WordPart[] = [...word.parts.slice(0, p), { kind: 'literal', value: before + alt + after }, ...word.parts.slice(p + 1)];
      return expandBraces({ parts, raw: word.raw }, depth + 1);
    });
  }
  return [word];
}
