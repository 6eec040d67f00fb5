import { DockerfileParseError } from '../errors.js';
import { trimLeftSpace, trimSpace } from './chars.js';
import { DirectiveParser, validateEscapeToken } from './directives.js';
import { HEREDOC_INSTRUCTIONS, heredocsFromLine } from './heredoc.js';
import {
  parseEnv,
  parseHealthConfig,
  parseIgnore,
  parseLabel,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameOrNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
  type LineParse,
  type LineParser,
} from './lineParsers.js';
import { splitCommand } from './splitCommand.js';
import { newNode, type Node, type ParseDirectives, type ParseResult, type ParseWarning } from './types.js';

const MAX_LINE_BYTES = 65535;
const EMPTY_CONTINUATION_URL = 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/';

const DISPATCH: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: parseEnv,
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: parseLabel,
  maintainer: parseString,
  onbuild: parseSubCommand,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

function parseSubCommand(rest: string, escapeToken: string): LineParse {
  if (rest === '') return {};
  const child = nodeFromLine(rest, escapeToken, []);
  return { next: newNode('', { children: [child] }) };
}

function nodeFromLine(line: string, escapeToken: string, comments: string[]): Node {
  const { cmd, flags, args } = splitCommand(line);
  const fn = Object.prototype.hasOwnProperty.call(DISPATCH, cmd.toLowerCase()) ? DISPATCH[cmd.toLowerCase()] : parseIgnore;
  const parsed = fn(args, escapeToken);
  return newNode(cmd, {
    original: line,
    flags,
    next: parsed.next,
    attributes: parsed.json ? { json: true } : {},
    prevComment: comments,
  });
}

function canContainHeredoc(node: Node): boolean {
  let target = node;
  if (node.value.toLowerCase() === 'onbuild' && node.next && node.next.children.length > 0) {
    target = node.next.children[0];
  }
  return HEREDOC_INSTRUCTIONS.has(target.value.toLowerCase()) && !target.attributes.json;
}

/** Physical lines with their line endings kept, as BuildKit's scanner yields them. */
function scanLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

const trimNewline = (s: string) => s.replace(/[\r\n]+$/, '');
const isComment = (s: string) => trimLeftSpace(trimNewline(s)).startsWith('#');
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

class LineReader {
  private index = 0;
  constructor(private readonly lines: string[]) {}
  /** 1-based number of the last line read. */
  get current(): number {
    return this.index;
  }
  read(): string | undefined {
    if (this.index >= this.lines.length) return undefined;
    const line = this.lines[this.index++];
    if (line.length > MAX_LINE_BYTES / 3 && utf8Length(trimNewline(line)) > MAX_LINE_BYTES) {
      throw new DockerfileParseError(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, this.index);
    }
    return line;
  }
}

/**
 * Parses Dockerfile text into BuildKit's AST (frontend/dockerfile/parser).
 * Throws DockerfileParseError with BuildKit's message on a malformed file.
 */
export function parseDockerfile(text: string): ParseResult {
  const reader = new LineReader(scanLines(text.startsWith('\uFEFF') ? text.slice(1) : text));
  const directiveParser = new DirectiveParser();
  const directives: ParseDirectives = { escape: '\\', list: [] };
  let escapeToken = '\\';
  let continuation = continuationRegex(escapeToken);
  const root = newNode('', { startLine: -1 });
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];

  let lastWasDirective = false;
  const processLine = (raw: string, stripLeft: boolean): string => {
    let token = trimNewline(raw);
    if (stripLeft) token = trimLeftSpace(token);
    let directive;
    try {
      directive = directiveParser.parseLine(token);
      if (directive?.name === 'escape') {
        escapeToken = validateEscapeToken(directive.value);
        continuation = continuationRegex(escapeToken);
      }
    } catch (err) {
      throw new DockerfileParseError((err as Error).message, reader.current);
    }
    lastWasDirective = directive !== undefined;
    if (directive) {
      directives.list.push(directive);
      directives[directive.name] = directive.value;
    }
    return isComment(token) ? '' : token;
  };
  const trimContinuation = (line: string): [string, boolean] => {
    if (continuation.test(line)) return [line.replace(continuation, '$1'), false];
    return [line, true];
  };

  for (let raw = reader.read(); raw !== undefined; raw = reader.read()) {
    if (isComment(raw)) {
      const comment = trimSpace(raw.slice(1));
      comments = comment === '' ? [] : [...comments, comment];
    }
    const first = processLine(raw, true);
    // Directive lines are comments too, but are not kept as the next instruction's comment.
    if (lastWasDirective) comments = comments.slice(0, -1);
    const startLine = reader.current;
    let [line, isEndOfLine] = trimContinuation(first);
    if (isEndOfLine && line === '') continue;

    let hasEmptyContinuationLine = false;
    while (!isEndOfLine) {
      const nextRaw = reader.read();
      if (nextRaw === undefined) break;
      const processed = processLine(nextRaw, false);
      if (isComment(nextRaw)) continue;
      if (trimLeftSpace(processed) === '') {
        hasEmptyContinuationLine = true;
        continue;
      }
      let part: string;
      [part, isEndOfLine] = trimContinuation(processed);
      line += part;
    }

    if (hasEmptyContinuationLine) {
      warnings.push({
        short: 'Empty continuation line found in: ' + line,
        detail: ['Empty continuation lines will become errors in a future release'],
        url: EMPTY_CONTINUATION_URL,
        location: { start: { line: reader.current, character: 0 }, end: { line: reader.current, character: 0 } },
      });
    }

    let child: Node;
    try {
      child = nodeFromLine(line, escapeToken, comments);
    } catch (err) {
      throw new DockerfileParseError((err as Error).message, startLine, reader.current);
    }

    if (canContainHeredoc(child) && line.includes('<<')) {
      let docs;
      try {
        docs = heredocsFromLine(line);
      } catch (err) {
        throw new DockerfileParseError((err as Error).message, startLine, reader.current);
      }
      for (const doc of docs) {
        let content = '';
        let terminated = false;
        for (let body = reader.read(); body !== undefined; body = reader.read()) {
          let candidate = trimNewline(body);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          content += body;
        }
        if (!terminated) throw new DockerfileParseError('unterminated heredoc', startLine, reader.current);
        child.heredocs.push({ ...doc, content });
      }
    }

    child.startLine = startLine;
    child.endLine = reader.current;
    if (root.startLine < 0) root.startLine = startLine;
    root.endLine = reader.current;
    root.children.push(child);
    comments = [];
  }

  if (root.startLine < 0) throw new DockerfileParseError('file with no instructions', reader.current);
  directives.escape = escapeToken;
  return { ast: root, warnings, directives, escapeToken };
}

function continuationRegex(token: string): RegExp {
  const t = '\\' + token;
  return new RegExp(`([^${t}])${t}[ \\t]*$|^${t}[ \\t]*$`);
}
