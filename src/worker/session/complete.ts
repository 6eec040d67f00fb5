/**
 * Tab completion for the session's shell: command names in command position,
 * `docker …` through the CLI's own completer, file names everywhere else.
 */
import type { Vfs } from '../../os/vfs.js';
import { join, resolvePath } from '../../os/path.js';
import type { EngineApi } from '../../engine/index.js';
import type { Completion } from '../../shell/line/index.js';
import { BUILTINS, COREUTIL_NAMES } from '../../shell/index.js';
import type { DockerCompleter } from './deps.js';

/** What the small bash answers to (builtins and the coreutils it ships), plus `docker`. */
export const COMMAND_NAMES: readonly string[] = [...new Set([...BUILTINS.keys(), ...COREUTIL_NAMES, 'docker'])]
  .filter((name) => /^[a-z]/.test(name))
  .sort();

export interface CompleterDeps {
  readonly fs: Vfs;
  readonly cwd: () => string;
  readonly home: string;
  readonly engine: EngineApi;
  readonly docker?: DockerCompleter;
  readonly commands?: readonly string[];
}

/** Words that put the next word in command position. */
const COMMAND_SEPARATORS = new Set(['|', '||', '&&', ';', '$(', '(', '`']);

/** Splits the text before the cursor into the words of the current simple command. */
function currentCommandWords(before: string): string[] {
  const spaced = before.replace(/(\|\||&&|\$\(|[|;(`])/g, ' $1 ');
  const words = spaced.split(/\s+/);
  let start = 0;
  words.forEach((w, i) => {
    if (COMMAND_SEPARATORS.has(w)) start = i + 1;
  });
  return words.slice(start).filter((w, i, all) => w !== '' || i === all.length - 1);
}

/** Where the word under the cursor starts: after the last unescaped blank or operator character. */
function wordStartOf(before: string): number {
  for (let i = before.length - 1; i >= 0; i--) {
    if (/[\s|;&(<>]/.test(before[i]) && before[i - 1] !== '\\') return i + 1;
  }
  return 0;
}

/** Backslash-escapes what the shell would otherwise split or expand, as bash does when it completes a file name. */
export function escapeFileName(name: string): string {
  return name.replace(/([\s'"\\$`!*?&;|<>(){}[\]#])/g, '\\$1');
}

export function createCompleter(deps: CompleterDeps): (line: string, cursor: number) => Promise<Completion> {
  return async (line, cursor) => {
    const before = line.slice(0, cursor);
    const wordStart = wordStartOf(before);
    const word = before.slice(wordStart);
    const words = currentCommandWords(before);
    if (words.length <= 1 && !word.includes('/')) {
      const names = deps.commands ?? COMMAND_NAMES;
      return { replaceFrom: wordStart, candidates: names.filter((n) => n.startsWith(word)) };
    }
    if (words[0] === 'docker' && deps.docker) {
      const candidates = (await deps.docker(words.slice(1), deps.engine)).filter((c) => c.startsWith(word));
      // Nothing docker-specific fits (a build context, a `docker cp` source): offer files.
      if (candidates.length > 0) return { replaceFrom: wordStart, candidates };
    }
    const files = completeFileName(deps, word.replace(/\\(.)/g, '$1'));
    // `cd` only makes sense into directories (bash's `complete -d cd`).
    const fitting = words[0] === 'cd' ? files.filter((f) => f.endsWith('/')) : files;
    return { replaceFrom: wordStart, candidates: fitting.map(escapeFileName), filenames: true };
  };
}

/** Entries of the directory the word points into, hidden ones only when asked for with a leading dot. */
export function completeFileName(deps: Pick<CompleterDeps, 'fs' | 'cwd' | 'home'>, word: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const typed = dirPart.startsWith('~/') ? deps.home + dirPart.slice(1) : dirPart;
  const dir = resolvePath(deps.cwd(), typed || '.');
  let names: string[];
  try {
    names = deps.fs.readdir(dir);
  } catch {
    return [];
  }
  const result: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    if (name.startsWith('.') && !prefix.startsWith('.')) continue;
    const isDir = deps.fs.stat(join(dir, name))?.kind === 'dir';
    result.push(dirPart + name + (isDir ? '/' : ''));
  }
  return result;
}

