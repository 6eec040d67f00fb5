/**
 * Turns Dockerfile text into instructions the way BuildKit's parser does:
 * parser directives, comments, line continuations (keeping the next line's
 * indentation), leading flags, exec-form JSON and heredocs. Kept inside the
 * builder so a build never depends on the shape of the editor-facing AST.
 */
import { DockerfileSyntaxError, type Heredoc, type Instruction } from './instruction.js';

const KNOWN = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const HEREDOC_RE = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

export function readDockerfile(text: string): Instruction[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const escape = readEscapeDirective(lines);
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const startLine = i + 1;
    let joined = '';
    let line = first.replace(/^\s+/, '');
    for (;;) {
      const cont = continuation(line, escape);
      if (cont === undefined) {
        joined += line;
        break;
      }
      joined += cont;
      i++;
      // Comment and empty lines inside a continuation are dropped, as BuildKit does.
      while (i < lines.length && (/^\s*#/.test(lines[i]) || lines[i].trim() === '')) i++;
      if (i >= lines.length) break;
      line = lines[i];
    }
    let endLine = i + 1;
    i++;
    const match = /^(\S+)\s*([\s\S]*)$/.exec(joined);
    if (!match) continue;
    const word = match[1];
    const keyword = word.toUpperCase();
    if (!KNOWN.includes(keyword)) {
      throw new DockerfileSyntaxError(`dockerfile parse error on line ${startLine}: unknown instruction: ${word}${suggest(word)}`, startLine);
    }
    const afterKeyword = match[2].replace(/\s+$/, '');
    const { flags, rest } = splitFlags(afterKeyword);
    const heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(keyword)) {
      for (const h of rest.matchAll(HEREDOC_RE)) {
        const strip = h[1] === '-';
        const name = h[3];
        let content = '';
        while (i < lines.length && (strip ? lines[i].replace(/^\t+/, '') : lines[i]) !== name) {
          content += (strip ? lines[i].replace(/^\t+/, '') : lines[i]) + '\n';
          i++;
        }
        if (i >= lines.length) throw new DockerfileSyntaxError(`dockerfile parse error on line ${startLine}: unterminated heredoc`, startLine);
        i++;
        endLine = i;
        heredocs.push({ name, content, expand: h[2] === '' });
      }
    }
    const json = parseJsonArray(rest);
    out.push({
      keyword,
      flags,
      rest,
      json,
      heredocs,
      display: afterKeyword === '' ? keyword : `${keyword} ${afterKeyword}`,
      startLine,
      endLine,
    });
  }
  return out;
}

function readEscapeDirective(lines: readonly string[]): string {
  for (const line of lines) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** The line without its trailing escape character, or undefined when it does not continue. */
function continuation(line: string, escape: string): string | undefined {
  const trimmed = line.replace(/\s+$/, '');
  if (!trimmed.endsWith(escape)) return undefined;
  // An escaped escape character (`\\`) at the end does not continue the line.
  let n = 0;
  for (let k = trimmed.length - 1; k >= 0 && trimmed[k] === escape; k--) n++;
  if (n % 2 === 0) return undefined;
  return trimmed.slice(0, -1);
}

function splitFlags(text: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let rest = text;
  for (;;) {
    const m = /^(--\S*)(?:\s+|$)/.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
    if (m[1] === '--') break;
    flags.push(m[1].replace(/"/g, ''));
  }
  return { flags, rest };
}

function parseJsonArray(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Invalid JSON silently falls back to shell form, as in Docker.
  }
  return undefined;
}

function suggest(word: string): string {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN) {
    const d = levenshtein(lower, known.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  if (!best) return '';
  return ` (did you mean ${word === lower ? best.toLowerCase() : best}?)`;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
