import { isSpace, splitWhitespace, trimSpace } from './chars.js';

export interface SplitCommand {
  cmd: string;
  flags: string[];
  args: string;
}

/** Splits a logical line into the keyword (case kept), the leading `--flags` and the rest. */
export function splitCommand(line: string): SplitCommand {
  const parts = splitWhitespace(trimSpace(line), 2);
  let args = '';
  let flags: string[] = [];
  if (parts.length === 2) [args, flags] = extractBuilderFlags(parts[1]);
  return { cmd: parts[0], flags, args: trimSpace(args) };
}

/**
 * Pulls the leading words that start with `--` off the line. Quotes are
 * removed and `\` escapes processed inside them; a bare `--` ends the flags.
 */
export function extractBuilderFlags(line: string): [string, string[]] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = pos < line.length ? line[pos] : '';
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') {
        return [line.slice(pos), words];
      }
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return [line.slice(pos), words];
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 === line.length) continue;
        pos++;
        ch = line[pos];
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === '\\') {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      pos++;
      ch = line[pos];
    }
    word += ch;
  }
  return ['', words];
}
