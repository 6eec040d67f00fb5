/**
 * What every fuzz step checks. Each check returns problems as sentences; an
 * empty list means the step was fine.
 *
 * - output: no stack trace or JavaScript-isms reach the terminal;
 * - engine invariants: every domain's own check (images and their layer
 *   refcounts, tags, containers and their images, ports, registry, cache);
 * - nothing lost: containers and images only disappear on a line that asks
 *   for it, and images only as the `Deleted:` records of that line say;
 * - the snapshot round-trips, and a restored engine prints the same
 *   `docker ps -a` and `docker images -a`.
 */
import { roundTripProblems } from '../../src/engine/system/invariants.js';
import { FORBIDDEN_OUTPUT } from './commandLines.js';
import type { LineResult, World } from './world.js';
import { World as FreshWorld } from './world.js';

export function outputProblems(line: string, r: LineResult): string[] {
  const problems: string[] = [];
  for (const [stream, text] of [['stdout', r.out], ['stderr', r.err]] as const) {
    const hit = FORBIDDEN_OUTPUT.exec(text);
    if (hit) problems.push(`${stream} of ${JSON.stringify(line)} shows ${JSON.stringify(text.slice(Math.max(0, hit.index - 80), hit.index + 80))}`);
  }
  if (!Number.isInteger(r.status) || r.status < 0 || r.status > 255) problems.push(`${JSON.stringify(line)} exited with ${r.status}`);
  else if (!statusExpected(line, r)) problems.push(`${JSON.stringify(line)} exited with ${r.status}, not 0, 1 or 125 as a docker command that runs no container process does`);
  return problems;
}

/** Commands that pass a container process's status through (`run`, `exec`, `start -a`, `attach`). */
const PASSES_STATUS = /^docker\s+(?:container\s+)?(?:run|exec|start|attach|restart|wait|cp)\b/;

/**
 * A lone docker command (no shell around it) that runs no container process
 * exits 0, 1 (daemon or client error) or 125 (usage), as docker's CLI does;
 * 130 when it had to be interrupted.
 */
function statusExpected(line: string, r: LineResult): boolean {
  // Quotes and operators make it the shell's line too (a syntax error is bash's 2).
  const lone = /^docker\b/.test(line) && !/[|&;<>()`$\\{}'"]|\n/.test(line);
  if (!lone || PASSES_STATUS.test(line)) return true;
  return [0, 1, 125].includes(r.status) || (r.interrupted && r.status === 130);
}

/** The IDs the CLI lists: what a student sees, not the engine's internals. */
export async function listed(world: World): Promise<{ containers: Set<string>; images: Set<string>; autoRemove: Set<string> }> {
  const ps = await world.docker(['ps', '-a', '-q', '--no-trunc']);
  const images = await world.docker(['images', '-a', '-q', '--no-trunc']);
  const lines = (text: string) => new Set(text.split('\n').filter(Boolean));
  const containers = lines(ps.out);
  // `--rm` containers go whenever they stop, whatever line is running then.
  const autoRemove = new Set([...containers].filter((id) => (world.engine.containers.inspect(id).HostConfig as { AutoRemove?: boolean }).AutoRemove === true));
  return { containers, images: lines(images.out), autoRemove };
}

const REMOVES_CONTAINERS = /\b(rm|prune)\b|--rm\b/;
const REMOVES_IMAGES = /\b(rmi|rm|prune)\b/;
const CREATES_CONTAINERS = /\b(run|create)\b/;
const CREATES_IMAGES = /\b(pull|run|create|build)\b/;

/**
 * Model check for free-form lines: what disappeared or appeared must be
 * explained by the line, and a deleted image must be reported as deleted.
 */
export function lossProblems(line: string, output: string, before: Awaited<ReturnType<typeof listed>>, after: Awaited<ReturnType<typeof listed>>): string[] {
  const problems: string[] = [];
  for (const id of before.containers) if (!after.containers.has(id) && !before.autoRemove.has(id) && !REMOVES_CONTAINERS.test(line)) problems.push(`container ${id.slice(0, 12)} vanished on ${JSON.stringify(line)}`);
  for (const id of after.containers) if (!before.containers.has(id) && !CREATES_CONTAINERS.test(line)) problems.push(`container ${id.slice(0, 12)} appeared on ${JSON.stringify(line)}`);
  for (const id of before.images) {
    if (after.images.has(id)) continue;
    if (!REMOVES_IMAGES.test(line)) problems.push(`image ${id} vanished on ${JSON.stringify(line)}`);
    else if (!new RegExp(`^(Deleted|deleted): ${id}$`, 'm').test(output)) problems.push(`image ${id} was removed by ${JSON.stringify(line)} without a Deleted record`);
  }
  for (const id of after.images) if (!before.images.has(id) && !CREATES_IMAGES.test(line)) problems.push(`image ${id} appeared on ${JSON.stringify(line)}`);
  return problems;
}

/** Snapshot → JSON → fresh engine → snapshot, and the listings of both engines. */
export async function roundTrip(world: World): Promise<string[]> {
  const before = world.engine.system.snapshot();
  const twin = new FreshWorld(1, world.clock.now());
  twin.engine.system.restore(JSON.parse(JSON.stringify(before)));
  const problems = roundTripProblems(before, twin.engine.system.snapshot());
  problems.push(...twin.engine.system.checkInvariants().map((p) => `after restore: ${p}`));
  const running = world.engine.containers.list().length > 0;
  const views = [
    ['images', '-a'],
    ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Image}} {{.Command}} {{.Names}} {{.CreatedAt}} {{.Size}}'],
    // Processes are not persisted: a running container comes back exited, so the full table only compares when none runs.
    ...(running ? [] : [['ps', '-a']]),
  ];
  for (const args of views) {
    const [a, b] = [await world.docker(args), await twin.docker(args)];
    if (a.out !== b.out || a.err !== b.err) problems.push(`docker ${args.join(' ')} differs after restore:\n${a.out}${a.err}---\n${b.out}${b.err}`);
  }
  return problems;
}

export function invariantProblems(world: World): string[] {
  return world.engine.system.checkInvariants();
}
