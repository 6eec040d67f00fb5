/**
 * Monaco from the local bundle (never a CDN), with only the editor features
 * and languages Slipway uses. Imported only by the lazily loaded editor.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/shell/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// JSON's full language service brings its own 430 kB worker; colouring is enough here.
monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'] });
monaco.languages.setMonarchTokensProvider('json', {
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"(?:[^"\\]|\\.)*"/, 'string'],
      [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
      [/\b(true|false|null)\b/, 'keyword'],
      [/[{}[\],:]/, 'delimiter'],
    ],
  },
});

export function languageFor(path: string): string {
  const name = path.split('/').pop() ?? path;
  if (/^Dockerfile(\..*)?$|\.dockerfile$/i.test(name)) return 'dockerfile';
  if (/\.(m|c)?jsx?$/.test(name)) return 'javascript';
  if (/\.py$/.test(name)) return 'python';
  if (/\.json$/.test(name)) return 'json';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (/\.(sh|bash)$/.test(name)) return 'shell';
  return 'plaintext';
}

export { monaco };
