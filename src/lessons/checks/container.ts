/**
 * `container`: some container matches every given field. One kind covers
 * "exists", "running", "exited with code", "from image", "publishes",
 * "named", "attached", "--rm", because authors combine them in one sentence:
 * "a running container from goals:latest publishes host 3000 → 80".
 */
import { z } from 'zod';
import type { ContainerFact } from '../state.js';
import type { PredicateKind } from './types.js';
import { PASS, fail } from './types.js';
import { matchesId, sameRef } from './refs.js';

export const CONTAINER_STATES = ['created', 'running', 'exited', 'paused', 'stopped'] as const;

export const containerSchema = z.strictObject({
  kind: z.literal('container').describe('Passes when at least one container matches every field given.'),
  name: z.string().optional().describe('The container name (as `--name` sets it).'),
  image: z.string().optional().describe('The image it was created from: a reference (`goals`, `goals:1.0`) or an image ID prefix.'),
  fromLastBuild: z.boolean().optional().describe('true: it was created from the image the last successful `docker build` produced (for lessons that run an image by ID).'),
  state: z.enum(CONTAINER_STATES).optional().describe('Its state; `stopped` means created or exited.'),
  exitCode: z.number().int().optional().describe('The exit code it stopped with (implies it has exited).'),
  publishes: z
    .strictObject({
      host: z.number().int().describe('The host port (the left side of `-p 3000:80`).'),
      container: z.number().int().describe('The container port (the right side).'),
    })
    .optional()
    .describe('A port it publishes, host → container.'),
  attached: z.boolean().optional().describe('Whether a terminal is attached to it right now.'),
  autoRemove: z.boolean().optional().describe('Whether it was started with `--rm`.'),
  tty: z.boolean().optional().describe('Whether it was started with `-t`.'),
  interactive: z.boolean().optional().describe('Whether it was started with `-i` (stdin kept open).'),
});
export type ContainerCheck = z.infer<typeof containerSchema>;

export function imageMatches(container: ContainerFact, ref: string): boolean {
  return sameRef(container.image, ref) || container.imageTags.some((tag) => sameRef(tag, ref)) || matchesId(container.imageId, ref);
}

function mismatch(c: ContainerCheck, x: ContainerFact, built: string | undefined): string | undefined {
  if (c.name !== undefined && x.name !== c.name) return 'name';
  if (c.image !== undefined && !imageMatches(x, c.image)) return 'image';
  if (c.fromLastBuild === true && x.imageId !== built) return 'was not created from the image of the last build';
  if (c.fromLastBuild === false && x.imageId === built) return 'was created from the image of the last build';
  if (c.state === 'stopped' ? x.state !== 'exited' && x.state !== 'created' : c.state !== undefined && x.state !== c.state) return `is ${x.state}`;
  if (c.exitCode !== undefined && (x.state !== 'exited' || x.exitCode !== c.exitCode)) return x.state === 'exited' ? `exited with code ${x.exitCode}` : `is ${x.state}`;
  if (c.publishes && !x.ports.some((p) => p.host === c.publishes!.host && p.container === c.publishes!.container)) {
    return x.ports.length === 0 ? 'publishes no ports' : `publishes ${x.ports.map((p) => `${p.host} → ${p.container}`).join(', ')}`;
  }
  if (c.attached !== undefined && x.attached !== c.attached) return x.attached ? 'is attached' : 'is detached';
  if (c.autoRemove !== undefined && x.autoRemove !== c.autoRemove) return x.autoRemove ? 'was started with --rm' : 'was started without --rm';
  if (c.tty !== undefined && x.tty !== c.tty) return x.tty ? 'has a terminal (-t)' : 'has no terminal (no -t)';
  if (c.interactive !== undefined && x.openStdin !== c.interactive) return x.openStdin ? 'keeps stdin open (-i)' : 'has no open stdin (no -i)';
  return undefined;
}

export function describeContainer(c: ContainerCheck): string {
  const parts: string[] = ['a'];
  if (c.state === 'stopped') parts.push('stopped');
  else if (c.state) parts.push(c.state);
  if (c.attached === true) parts.push('attached');
  if (c.attached === false) parts.push('detached');
  parts.push('container');
  if (c.name) parts.push(`named ${c.name}`);
  if (c.image) parts.push(`from ${c.image}`);
  if (c.fromLastBuild) parts.push('from the image you built last');
  const extras: string[] = [];
  if (c.exitCode !== undefined) extras.push(`exited with code ${c.exitCode}`);
  if (c.publishes) extras.push(`publishes host ${c.publishes.host} → ${c.publishes.container}`);
  if (c.autoRemove !== undefined) extras.push(c.autoRemove ? 'was started with --rm' : 'was started without --rm');
  if (c.tty !== undefined) extras.push(c.tty ? 'has a terminal (-t)' : 'has no terminal');
  if (c.interactive !== undefined) extras.push(c.interactive ? 'keeps stdin open (-i)' : 'has no open stdin');
  return parts.join(' ') + (extras.length ? ' that ' + extras.join(' and ') : '');
}

export const container: PredicateKind<ContainerCheck> = {
  kind: 'container',
  describe: (c) => `${describeContainer(c)} exists`,
  evaluate(c, state) {
    const built = state.lastBuild?.succeeded ? state.lastBuild.imageId : undefined;
    if (state.containers.some((x) => mismatch(c, x, built) === undefined)) return PASS;
    if (state.containers.length === 0) return fail('there are no containers at all (docker ps -a lists none)');
    // Name the closest candidate so the student sees what differs.
    const named = c.name !== undefined ? state.containers.find((x) => x.name === c.name) : undefined;
    if (c.name !== undefined && !named) return fail(`no container is named ${c.name}`);
    const candidates = named ? [named] : c.image ? state.containers.filter((x) => imageMatches(x, c.image!)) : state.containers;
    if (candidates.length === 0) return fail(`no container was created from ${c.image}`);
    if (c.fromLastBuild && !built) return fail('there is no successful build yet');
    const fromBuild = c.fromLastBuild ? candidates.filter((x) => x.imageId === built) : candidates;
    if (fromBuild.length === 0) return fail('no container was created from the image you built last');
    // docker ps lists newest first: that is the one the student most likely means.
    const first = fromBuild[0];
    return fail(`container ${first.name} ${mismatch(c, first, built) ?? 'does not match'}`);
  },
};
