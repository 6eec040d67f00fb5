import { ShellLex } from '../shell/lex.js';
import type { Heredoc } from './types.js';

const HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/** Instructions whose shell form may carry here-documents; ONBUILD is looked through. */
export const HEREDOC_INSTRUCTIONS = new Set(['add', 'copy', 'run']);

/**
 * Parses one heredoc word such as `<<EOF`, `<<-'EOF'` or `3<<EOF`; returns
 * undefined when the word is not a heredoc. Whether any part of the
 * delimiter was quoted is found by lexing it with and without raw quotes
 * and comparing the quote counts, as BuildKit does.
 */
export function parseHeredoc(src: string): Omit<Heredoc, 'content'> | undefined {
  const m = HEREDOC.exec(src);
  if (!m) return undefined;
  const rest = m[3];
  if (rest.length === 0) return undefined;
  const words = new ShellLex('\\', { skipUnsetEnv: true }).processWords(rest);
  if (words.length !== 1) return undefined;
  const raw = new ShellLex('\\', { skipUnsetEnv: true, rawQuotes: true }).processWords(rest);
  if (raw.length !== words.length) {
    throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const quotes = (s: string) => (s.match(/['"]/g) ?? []).length;
  return {
    name: words[0],
    fileDescriptor: m[1] === '' ? 0 : Number.parseInt(m[1], 10),
    expand: quotes(words[0]) === quotes(raw[0]),
    chomp: m[2] === '-',
  };
}

/** All heredoc words of a logical line, in order. */
export function heredocsFromLine(line: string): Omit<Heredoc, 'content'>[] {
  let words: string[];
  try {
    words = new ShellLex('\\', { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).processWords(line);
  } catch {
    // BuildKit ignores lexing errors of the whole line here.
    words = [];
  }
  const docs: Omit<Heredoc, 'content'>[] = [];
  for (const word of words) {
    const doc = parseHeredoc(word);
    if (doc) docs.push(doc);
  }
  return docs;
}

/** `<<-`: strip leading tabs from every body line (BuildKit `ChompHeredocContent`). */
export function chompHeredocContent(src: string): string {
  return src.replace(/^\t+/gm, '');
}
