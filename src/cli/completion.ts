/**
 * Tab completion for `docker …`: subcommands, the current command's flags,
 * container names/IDs for container commands and image refs for image ones.
 */
import type { EngineApi } from '../engine/index.js';
import type { CommandEntry, CommandSpec } from './argv/spec.js';
import { COMMAND_TREE } from './commands/tree.js';

const CONTAINER_ARG = new Set(['attach', 'exec', 'inspect', 'kill', 'logs', 'restart', 'rm', 'start', 'stop', 'cp']);
const IMAGE_ARG = new Set(['run', 'create', 'rm', 'tag', 'history', 'push', 'inspect']);

function containerNames(engine: EngineApi): string[] {
  const rows = engine.containers.list({ all: true });
  return [...rows.map((r) => r.name), ...rows.map((r) => r.id.slice(0, 12))];
}

function imageRefs(engine: EngineApi): string[] {
  const refs = new Set<string>();
  for (const image of engine.images.list()) {
    for (const tag of image.repoTags) {
      refs.add(tag);
      if (tag.endsWith(':latest')) refs.add(tag.slice(0, -':latest'.length));
    }
  }
  return [...refs];
}

function flagWords(spec: CommandSpec): string[] {
  return spec.flags.filter((f) => !f.hidden).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]);
}

/**
 * `words` are the words after `docker`; the last one is the word being
 * completed (possibly empty). Returns the sorted candidates that extend it.
 */
export async function dockerCompletions(words: string[], engine: EngineApi): Promise<string[]> {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const match = (candidates: Iterable<string>): string[] => [...new Set(candidates)].filter((c) => c.startsWith(current)).sort();
  const positional = before.filter((w) => !w.startsWith('-'));
  if (positional.length === 0) return match([...COMMAND_TREE.groups.map((g) => g.name), ...COMMAND_TREE.topLevel.keys()]);

  const group = COMMAND_TREE.groups.find((g) => g.name === positional[0]);
  let spec: CommandEntry | undefined;
  let noun: 'container' | 'image' | undefined;
  let verb: string;
  if (group) {
    if (positional.length === 1) return match(group.children.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
    verb = positional[1];
    spec = group.children.find((c) => c.name === verb || (c.aliases ?? []).includes(verb));
    noun = group.name === 'container' ? 'container' : group.name === 'image' ? 'image' : undefined;
  } else {
    verb = positional[0];
    const entry = COMMAND_TREE.topLevel.get(verb);
    spec = entry?.spec;
    if (entry?.group === 'image' || verb === 'rmi' || verb === 'images') noun = 'image';
    else if (entry?.group === 'container') noun = verb === 'run' || verb === 'create' ? 'image' : 'container';
  }
  if (!spec) return [];
  // Flags are in the command's own module, which may not be loaded yet.
  if (current.startsWith('-')) return match(flagWords(await spec.load()));
  if (noun === 'container' && CONTAINER_ARG.has(spec.name)) return match(containerNames(engine));
  if (noun === 'image' && (IMAGE_ARG.has(spec.name) || spec.name === 'run' || spec.name === 'create')) return match(imageRefs(engine));
  if (verb === 'inspect') return match([...containerNames(engine), ...imageRefs(engine)]);
  return [];
}
