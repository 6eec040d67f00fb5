/**
 * Suite (b): random Dockerfiles are parsed and linted directly, then built
 * through `docker build` in a world. A build either succeeds or fails with
 * BuildKit's final `ERROR: failed to build: …` line; the invariants and the
 * round trip hold after each build; and a successful build, run again on
 * the same Dockerfile and context, is entirely CACHED with the same image ID.
 */
import fc from 'fast-check';
import { DockerfileParseError, lintDockerfile, parseDockerfile, parseInstructions } from '../../src/engine/dockerfile/index.js';
import { invariantProblems, listed, lossProblems, outputProblems, roundTrip } from './checks.js';
import { buildInput, type BuildInput } from './dockerfiles.js';
import { BrokenStep, type FuzzStats } from './lineSuite.js';
import { HOME, World, warmUp, type LineResult } from './world.js';

/** The parser and linter only ever throw DockerfileParseError. */
function parseProblems(text: string): string[] {
  try {
    const parsed = parseDockerfile(text);
    lintDockerfile(parsed);
    parseInstructions(parsed);
    return [];
  } catch (e) {
    if (e instanceof DockerfileParseError) return [];
    return [`parsing threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
}

function buildOutcomeProblems(r: LineResult): string[] {
  if (r.interrupted) return ['the build had to be interrupted'];
  if (r.status === 0) return [];
  const last = r.err.trimEnd().split('\n').pop() ?? '';
  if (r.status === 1 && /^ERROR: failed to build: \S/.test(last)) return [];
  return [`build exited ${r.status} with final line ${JSON.stringify(last)}`];
}

/** Step vertices (`#7 [2/4] RUN …`, not `[internal]` or FROM) that a rebuild did not report CACHED. */
function uncachedSteps(output: string): string[] {
  const steps = [...output.matchAll(/^#(\d+) \[(?!internal\])[^\]]*\] (?!FROM )(.*)$/gm)];
  return steps.filter(([, n]) => !new RegExp(`^#${n} CACHED$`, 'm').test(output)).map(([line]) => line);
}

async function imageId(world: World, tag: string): Promise<string> {
  return (await world.docker(['images', '-q', '--no-trunc', tag])).out.trim();
}

export async function runBuilds(inputs: readonly BuildInput[], stats: FuzzStats): Promise<void> {
  await warmUp();
  const world = new World(inputs.length * 104_729 + 3);
  const history: string[] = [];
  const fail = (problems: string[]): never => {
    throw new BrokenStep(`${problems.join('\n')}\nafter builds:\n${history.join('\n-----\n')}`);
  };
  for (const [i, input] of inputs.entries()) {
    history.push(`${JSON.stringify(input.files)}\n${input.dockerfile}`);
    const dir = `${HOME}/b${i}`;
    for (const [path, text] of Object.entries(input.files)) {
      const slash = path.lastIndexOf('/');
      if (slash > 0) world.fs.mkdir(`${dir}/${path.slice(0, slash)}`, { recursive: true });
      else world.fs.mkdir(dir, { recursive: true });
      world.fs.writeFile(`${dir}/${path}`, text);
    }
    world.fs.writeFile(`${dir}/Dockerfile`, input.dockerfile);
    const line = `docker build -t fz${i} b${i}`;
    const before = await listed(world);
    // Nothing in a build waits for the student: only real work is quiet, so be patient.
    const first = await world.line(line, 3000);
    await world.settle();
    stats.dockerfiles++;
    stats.builds++;
    const problems = [...parseProblems(input.dockerfile), ...outputProblems(line, first), ...buildOutcomeProblems(first), ...invariantProblems(world)];
    problems.push(...lossProblems(line, first.out + first.err, before, await listed(world)));
    if (first.status === 0) stats.builtOk++;
    if (first.status === 0 && problems.length === 0) {
      const id = await imageId(world, `fz${i}`);
      const again = await world.line(line, 3000);
      stats.builds++;
      if (again.status !== 0) problems.push(`the rebuild failed:\n${again.err}`);
      const uncached = uncachedSteps(again.err);
      if (uncached.length > 0) problems.push(`the rebuild ran again: ${uncached.join('; ')}\n${again.err}`);
      const id2 = await imageId(world, `fz${i}`);
      // Known difference: an image without any layer (FROM scratch + metadata only) has no layer
      // time to take, so its history times are the build's (BuildKit leaves them unset).
      const layerless = ((world.engine.images.inspect(id).RootFS as { Layers?: unknown[] }).Layers ?? []).length === 0;
      if (id2 !== id && !layerless) problems.push(`the rebuild made ${id2}, not ${id}`);
    }
    problems.push(...(await roundTrip(world)));
    if (problems.length > 0) fail(problems);
  }
}

export function dockerfileProperty(stats: FuzzStats, perRun: number) {
  return fc.asyncProperty(fc.array(buildInput, { minLength: perRun, maxLength: perRun }), (inputs) => runBuilds(inputs, stats));
}
