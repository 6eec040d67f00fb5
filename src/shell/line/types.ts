/** The line discipline's events and its injected collaborators. */
import type { History } from './History.js';

export type EditorMode = 'shell' | 'cooked' | 'raw' | 'busy';

export type LineEvent =
  /** Shell mode: a complete command (continuation lines joined with `\n`). */
  | { readonly type: 'submit'; readonly source: string }
  /** Cooked mode: what the reading program receives (`line\n`, or the partial line on Ctrl-D). */
  | { readonly type: 'line'; readonly text: string }
  /** Raw mode: input bytes, untouched. */
  | { readonly type: 'data'; readonly data: string }
  | { readonly type: 'interrupt' }
  /** Ctrl-D on an empty line. */
  | { readonly type: 'eof' }
  /** Ctrl-L: the screen was cleared. */
  | { readonly type: 'clear' };

export interface Completion {
  /** Index in the line where the word being completed starts. */
  readonly replaceFrom: number;
  /** Full replacements for that word; a directory ends with `/`. */
  readonly candidates: readonly string[];
  /** File names: a listing shows only the part after the last `/`, as bash does. */
  readonly filenames?: boolean;
}

export type Completer = (line: string, cursor: number) => Promise<Completion>;

export interface LineEditorOptions {
  /** Receives terminal output (`\r\n` line ends, ANSI escapes). */
  readonly write: (text: string) => void;
  readonly onEvent: (event: LineEvent) => void;
  readonly columns?: number;
  readonly history?: History;
  readonly complete?: Completer;
  /** Whether the shell can run this source as it is, or needs more lines. */
  readonly isComplete?: (source: string) => boolean;
  readonly continuationPrompt?: string;
}
