import { chompHeredocContent, parseHeredoc } from '../parser/heredoc.js';
import type { Heredoc } from '../parser/types.js';
import type { CommandLine, InlineFile } from './types.js';

/** Exec form keeps the argv; shell form joins everything into one command string. */
export function handleJSONArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  if (json) return args;
  return [args.join(' ')];
}

export function shellDependentCommand(args: string[], json: boolean, heredocs: Heredoc[]): CommandLine {
  return {
    cmdLine: handleJSONArgs(args, json),
    prependShell: !json,
    files: heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp, expand: h.expand })),
  };
}

export interface SourcesAndDest {
  sourcePaths: string[];
  sourceContents: InlineFile[];
  dest: string;
}

/** Splits COPY/ADD arguments into paths, heredoc contents and the destination. */
export function parseSourcesAndDest(args: string[], heredocs: Heredoc[], command: string): SourcesAndDest {
  const srcs = args.slice(0, -1);
  const dest = args[args.length - 1];
  if (parseHeredoc(dest)) throw new Error(`${command} cannot accept a heredoc as a destination`);
  const byName = new Map(heredocs.map((h) => [h.name, h]));
  const sourcePaths: string[] = [];
  const sourceContents: InlineFile[] = [];
  for (const src of srcs) {
    const doc = parseHeredoc(src);
    if (!doc) {
      sourcePaths.push(src);
      continue;
    }
    let data = byName.get(doc.name)?.content ?? '';
    if (doc.chomp) data = chompHeredocContent(data);
    sourceContents.push({ name: doc.name, data, chomp: doc.chomp, expand: doc.expand });
  }
  return { sourcePaths, sourceContents, dest };
}
