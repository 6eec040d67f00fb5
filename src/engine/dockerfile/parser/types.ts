/** One here-document attached to a RUN/COPY/ADD node (BuildKit `parser.Heredoc`). */
export interface Heredoc {
  /** The delimiter word after quote removal (`<<'EOF'` gives `EOF`). */
  name: string;
  /** The `3` of `3<<EOF`; 0 when absent. */
  fileDescriptor: number;
  /** False when any part of the delimiter was quoted: the body is used verbatim. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped from the body later, by the instruction layer. */
  chomp: boolean;
  /** The raw body lines, line endings included, tabs not yet stripped. */
  content: string;
}

/**
 * BuildKit's parse-tree node. The root has one child per instruction; an
 * instruction node holds its keyword (as written) in `value` and its
 * arguments as a `next` chain. ONBUILD's argument node has the nested
 * instruction in `children`.
 */
export interface Node {
  value: string;
  next?: Node;
  children: Node[];
  heredocs: Heredoc[];
  /** `json: true` marks the exec (JSON array) form, which the dump cannot show. */
  attributes: { json?: boolean };
  /** The joined logical line (continuations removed) the node was built from. */
  original: string;
  /** Leading `--words`, extracted for every instruction at parse time. */
  flags: string[];
  /** 1-based, inclusive; 0 on nested ONBUILD children and argument nodes. */
  startLine: number;
  endLine: number;
  /** Comment lines directly above the instruction (without the `#`). */
  prevComment: string[];
}

export interface SourceRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A parser warning (BuildKit `parser.Warning`). */
export interface ParseWarning {
  short: string;
  detail: string[];
  url: string;
  location: SourceRange;
}

export interface Directive {
  name: 'syntax' | 'escape' | 'check';
  value: string;
  line: number;
}

export interface ParseDirectives {
  escape: string;
  syntax?: string;
  check?: string;
  /** In source order, with their 1-based lines. */
  list: Directive[];
}

export interface ParseResult {
  ast: Node;
  warnings: ParseWarning[];
  directives: ParseDirectives;
  /** The escape token (`\` or `` ` ``), for later shell-word expansion. */
  escapeToken: string;
}

export function newNode(value: string, init: Partial<Node> = {}): Node {
  return {
    value,
    children: [],
    heredocs: [],
    attributes: {},
    original: '',
    flags: [],
    startLine: 0,
    endLine: 0,
    prevComment: [],
    ...init,
  };
}
