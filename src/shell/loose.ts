/** Words with only `$…` and backtick expansions: here-document bodies and `$((…))` text. */
import type { Word, WordPart } from './ast.js';
import { Lexer, type SubParse } from './lexer.js';
import { LiteralBuffer } from './literal.js';

/** A here-document body or `$((…))` text: `$…` and backticks expand, nothing else is special. */
export function parseLooseWord(text: string, subParse: SubParse, heredoc = false): Word {
  const lexer = new Lexer(text, subParse);
  const parts: WordPart[] = [];
  const lit = new LiteralBuffer(parts);
  while (lexer.pos < text.length) {
    const c = text[lexer.pos];
    if (c === '\\' && heredoc && '$`\\\n'.includes(text[lexer.pos + 1] ?? '')) {
      if (text[lexer.pos + 1] !== '\n') lit.quoted(text[lexer.pos + 1]);
      lexer.pos += 2;
    } else if ((c === '$' && /[A-Za-z_{(?$#@*!0-9-]/.test(text[lexer.pos + 1] ?? '')) || c === '`') {
      lit.flush();
      parts.push(lexer.readExpansion(true));
    } else {
      lit.quoted(c);
      lexer.pos++;
    }
  }
  lit.flush();
  return { parts: parts.length > 0 ? parts : [{ kind: 'quoted', value: '' }], raw: text };
}

export function parseHeredocBody(body: string, subParse: SubParse): Word {
  return parseLooseWord(body, subParse, true);
}
