/**
 * Step names as BuildKit shows them. dockerfile2llb passes the instruction's
 * text through its shell lexer (`processCmdEnv`) before naming the vertex, so
 * `RUN echo $MODE` appears as `RUN echo dev`. For RUN the lexer keeps quotes
 * and leaves unset variables as written (RawQuotes, SkipUnsetEnv), because
 * the container's shell still has to see them; COPY, ADD and WORKDIR lose
 * their quotes and unset variables become empty. Text the lexer rejects
 * (an unterminated quote, `${` without `}`) is shown as written.
 */
import type { Instruction } from './instruction.js';
import type { Vars } from './words.js';

interface LexMode {
  /** Keep quote characters in the output (RUN). */
  readonly rawQuotes: boolean;
  /** Leave `$NAME` as written when NAME is unset (RUN). */
  readonly skipUnset: boolean;
}

class Unlexable extends Error {}

export function vertexText(ins: Instruction, vars: Vars): string {
  const prefix = ins.onbuild ? 'ONBUILD ' : '';
  const run = ins.keyword === 'RUN';
  let text = ins.display.slice(prefix.length);
  // dispatchRun: a RUN that is one heredoc gets its script summarised after the name, before expansion.
  if (run && ins.heredocs.length > 0 && /^<<-?["']?\w+["']?$/.test(ins.rest.trim())) text += ` (${summarizeHeredoc(ins.heredocs[0].content)})`;
  try {
    return prefix + expandLine(text, vars, { rawQuotes: run, skipUnset: run });
  } catch (err) {
    if (err instanceof Unlexable) return prefix + text;
    throw err;
  }
}

function summarizeHeredoc(content: string): string {
  const lines = content.trim().replace(/\r\n/g, '\n').split('\n');
  return lines.length > 1 ? `${lines[0]}...` : lines[0];
}

function expandLine(text: string, vars: Vars, mode: LexMode): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      // Outside quotes the escape character is dropped and the next one kept.
      if (i + 1 < text.length) out += text[i + 1];
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Unlexable();
      const inner = text.slice(i + 1, end);
      out += mode.rawQuotes ? `'${inner}'` : inner;
      i = end + 1;
    } else if (c === '"') {
      const [value, next] = doubleQuoted(text, i + 1, vars, mode);
      out += mode.rawQuotes ? `"${value}"` : value;
      i = next;
    } else if (c === '$') {
      const [value, next] = dollar(text, i, vars, mode);
      out += value;
      i = next;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** From just after an opening `"`; returns the content and the index after the closing `"`. */
function doubleQuoted(text: string, start: number, vars: Vars, mode: LexMode): [string, number] {
  let out = '';
  let i = start;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length && '"$\\'.includes(text[i + 1])) {
      out += text[i + 1];
      i += 2;
    } else if (text[i] === '$') {
      const [value, next] = dollar(text, i, vars, mode);
      out += value;
      i = next;
    } else out += text[i++];
  }
  if (i >= text.length) throw new Unlexable();
  return [out, i + 1];
}

/** The reference starting at `text[at] === '$'`: its value (or its own text) and the index after it. */
function dollar(text: string, at: number, vars: Vars, mode: LexMode): [string, number] {
  if (text[at + 1] === '{') {
    const close = text.indexOf('}', at + 2);
    if (close < 0) throw new Unlexable();
    const written = text.slice(at, close + 1);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/.exec(text.slice(at + 2, close));
    // Forms this reduced lexer does not model stay as written.
    if (!m) return [written, close + 1];
    const [, name, op, word = ''] = m;
    const value = vars.get(name);
    if (op === undefined) return [value ?? (mode.skipUnset ? written : ''), close + 1];
    const set = op.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
    const alt = expandLine(word, vars, { rawQuotes: false, skipUnset: mode.skipUnset });
    if (op.endsWith('-')) return [set ? value! : alt, close + 1];
    return [set ? alt : '', close + 1];
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at + 1));
  if (!m) return ['$', at + 1];
  const value = vars.get(m[0]);
  return [value ?? (mode.skipUnset ? `$${m[0]}` : ''), at + 1 + m[0].length];
}
