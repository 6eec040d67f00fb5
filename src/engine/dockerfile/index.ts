// Public API of the Dockerfile parser: BuildKit's parser, instruction layer,
// shell-word expansion and build checks, in pure TypeScript.
export { parseDockerfile } from './parser/parser.js';
export { dumpAst, dumpNode } from './parser/dump.js';
export { chompHeredocContent, parseHeredoc } from './parser/heredoc.js';
export type {
  Directive,
  Heredoc,
  Node,
  ParseDirectives,
  ParseResult,
  ParseWarning,
  SourceRange,
} from './parser/types.js';
export { DockerfileParseError, isDockerfileParseError, ShellLexError } from './errors.js';
export { assertHasStages, parseInstructions } from './instructions/stages.js';
export { INSTRUCTION_NAMES, parseInstruction } from './instructions/parse.js';
export { handleJSONArgs } from './instructions/commandLine.js';
export { parseMount, resolveRunMounts } from './instructions/runFlags.js';
export type * from './instructions/types.js';
export { ShellLex, expandHeredocContent, expandWord, expandWords } from './shell/lex.js';
export type { LexOptions, LexResult, ShellEnv } from './shell/lex.js';
export { lintDockerfile, type LintOptions } from './lint/lint.js';
export { RULES as LINT_RULES } from './lint/rules.js';
export type { LintWarning } from './lint/types.js';
