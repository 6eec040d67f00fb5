// The per-instruction argument parsers of BuildKit's line_parsers.go. They
// only shape the arguments; quotes are kept and nothing is expanded here.
import { isSpace, splitWhitespace, trimLeftSpace } from './chars.js';
import { goQuote } from './goQuote.js';
import { newNode, type Node } from './types.js';

export const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

export interface LineParse {
  next?: Node;
  json?: boolean;
}

export type LineParser = (rest: string, escapeToken: string) => LineParse;

/** Shell-ish words with quotes and escapes kept (used by ENV/LABEL/ARG). */
export function parseWords(rest: string, escapeToken: string): string[] {
  const chars = Array.from(rest);
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  for (let pos = 0; pos <= chars.length; pos++) {
    let ch = pos < chars.length ? chars[pos] : '';
    if (phase === 'spaces') {
      if (pos === chars.length) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (pos === chars.length) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escapeToken) {
        if (pos + 1 === chars.length) continue;
        word += ch;
        pos++;
        ch = chars[pos];
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      pos++;
      word += ch;
      ch = chars[pos];
    }
    word += ch;
  }
  return words;
}

function chain(values: string[]): Node | undefined {
  let head: Node | undefined;
  let prev: Node | undefined;
  for (const value of values) {
    const node = newNode(value);
    if (prev) prev.next = node;
    else head = node;
    prev = node;
  }
  return head;
}

function keyValue(key: string, value: string, sep: string): Node[] {
  return [newNode(key), newNode(value), newNode(sep)];
}

function parseNameVal(rest: string, key: string, escapeToken: string): LineParse {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return {};
  if (!words[0].includes('=')) {
    const parts = splitWhitespace(rest, 2);
    if (parts.length < 2) throw new Error(`${key} must have two arguments`);
    return { next: linkNodes(keyValue(parts[0], parts[1], '')) };
  }
  const nodes: Node[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new Error(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    nodes.push(...keyValue(word.slice(0, eq), word.slice(eq + 1), '='));
  }
  return { next: linkNodes(nodes) };
}

function linkNodes(nodes: Node[]): Node | undefined {
  for (let i = 0; i + 1 < nodes.length; i++) nodes[i].next = nodes[i + 1];
  return nodes[0];
}

export const parseEnv: LineParser = (rest, esc) => parseNameVal(rest, 'ENV', esc);
export const parseLabel: LineParser = (rest, esc) => parseNameVal(rest, 'LABEL', esc);

export const parseNameOrNameVal: LineParser = (rest, esc) => ({ next: chain(parseWords(rest, esc)) });

export const parseStringsWhitespaceDelimited: LineParser = (rest) => {
  if (rest === '') return {};
  return { next: chain(splitWhitespace(rest)) };
};

export const parseString: LineParser = (rest) => (rest === '' ? {} : { next: newNode(rest) });

export const parseIgnore: LineParser = () => ({ next: newNode('') });

type JsonAttempt = { ok: true; values: string[] } | { ok: false; notStrings: boolean };

/** Exec form: a JSON array of strings; anything else is not JSON (except a non-string element). */
export function parseJSONArray(rest: string): JsonAttempt {
  const trimmed = trimLeftSpace(rest);
  if (!trimmed.startsWith('[')) return { ok: false, notStrings: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { ok: false, notStrings: false };
  }
  if (!Array.isArray(parsed)) return { ok: false, notStrings: false };
  const values: string[] = [];
  for (const item of parsed) {
    if (typeof item !== 'string') return { ok: false, notStrings: true };
    // Go decodes lone surrogate escapes to U+FFFD.
    values.push(item.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  }
  return { ok: true, values };
}

export const parseMaybeJSON: LineParser = (rest) => {
  if (rest === '') return {};
  const json = parseJSONArray(rest);
  if (json.ok) return { next: chain(json.values), json: true };
  if (json.notStrings) throw new Error(NOT_STRING_ARRAY);
  return { next: newNode(rest) };
};

export const parseMaybeJSONToList: LineParser = (rest, esc) => {
  const json = parseJSONArray(rest);
  if (json.ok) return { next: chain(json.values), json: true };
  if (json.notStrings) throw new Error(NOT_STRING_ARRAY);
  return parseStringsWhitespaceDelimited(rest, esc);
};

export const parseHealthConfig: LineParser = (rest, esc) => {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep])) sep++;
  let next = sep;
  while (next < rest.length && isSpace(rest[next])) next++;
  if (sep === 0) return {};
  const cmd = parseMaybeJSON(rest.slice(next), esc);
  return { next: newNode(rest.slice(0, sep), cmd.next ? { next: cmd.next } : {}), json: cmd.json };
};
