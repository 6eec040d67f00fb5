/**
 * Builds the plain-data LessonState that lesson checks read, from the live
 * engine, the workspace file system and the log of typed commands. The
 * worker calls it after every command and every save; the validator after
 * setup and after the solution.
 */
import type { Vfs } from '../../os/vfs.js';
import type { EngineApi } from '../../engine/index.js';
import { parseDockerfile } from '../../engine/dockerfile/parser/parser.js';
import type { CommandFact, ContainerFact, DockerfileFact, LessonState, PortFact } from '../../lessons/index.js';

export interface LessonStateSources {
  readonly engine: EngineApi;
  readonly fs: Vfs;
  /** The workspace root, e.g. /home/student/app. */
  readonly workspace: string;
  readonly commands: readonly CommandFact[];
}

const TEXT = new TextDecoder();
/** Big or binary files never matter to a check and would bloat every state. */
const MAX_FILE_BYTES = 256 * 1024;

function readTree(fs: Vfs, dir: string, prefix: string, out: Record<string, string>): void {
  for (const name of fs.readdir(dir).sort()) {
    const path = `${dir}/${name}`;
    const stat = fs.stat(path);
    if (!stat) continue;
    if (stat.kind === 'dir') {
      // Installed dependencies are not the student's files.
      if (name !== 'node_modules' && name !== '.git') readTree(fs, path, `${prefix}${name}/`, out);
    } else if (stat.kind === 'file' && stat.size <= MAX_FILE_BYTES) {
      out[prefix + name] = TEXT.decode(fs.readFile(path));
    }
  }
}

export function workspaceFiles(fs: Vfs, workspace: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (fs.stat(workspace)?.kind === 'dir') readTree(fs, workspace, '', out);
  return out;
}

export function dockerfileFact(text: string): DockerfileFact {
  try {
    const { ast } = parseDockerfile(text);
    return {
      instructions: ast.children.map((node) => ({
        keyword: node.value.toUpperCase(),
        args: node.original.replace(/^\s*\S+\s*/, ''),
        line: node.startLine,
      })),
    };
  } catch (error) {
    return { instructions: [], error: error instanceof Error ? error.message : String(error) };
  }
}

function ports(bindings: unknown): PortFact[] {
  const out: PortFact[] = [];
  if (!bindings || typeof bindings !== 'object') return out;
  for (const [key, list] of Object.entries(bindings as Record<string, { HostPort?: string }[] | null>)) {
    const [port, protocol = 'tcp'] = key.split('/');
    for (const binding of list ?? []) out.push({ host: Number(binding.HostPort || 0), container: Number(port), protocol });
  }
  return out;
}

interface InspectFacts {
  State?: { ExitCode?: number };
  HostConfig?: { PortBindings?: unknown; AutoRemove?: boolean };
  Config?: { Tty?: boolean; OpenStdin?: boolean };
}

type FixedFacts = Pick<ContainerFact, 'ports' | 'autoRemove' | 'tty' | 'openStdin'>;

/**
 * What `create` fixed for good (port bindings, --rm, -t, -i), per engine and
 * container. The worker builds a state after every command, and a full
 * inspect of every container was most of its cost at 1,000 containers.
 */
const fixedFacts = new WeakMap<EngineApi, Map<string, FixedFacts>>();
/** `Exited (137) 2 seconds ago`: the daemon's own rendering of State.ExitCode. */
const EXIT_STATUS = /^(?:Exited|Restarting) \((-?\d+)\)/;

function fixedFactsOf(engine: EngineApi, id: string, info: () => InspectFacts): FixedFacts {
  let cache = fixedFacts.get(engine);
  if (!cache) fixedFacts.set(engine, (cache = new Map()));
  let facts = cache.get(id);
  if (!facts) {
    const { HostConfig, Config } = info();
    facts = { ports: ports(HostConfig?.PortBindings), autoRemove: HostConfig?.AutoRemove ?? false, tty: Config?.Tty ?? false, openStdin: Config?.OpenStdin ?? false };
    cache.set(id, facts);
  }
  return facts;
}

function containerFacts(engine: EngineApi): ContainerFact[] {
  const tagsById = new Map(engine.images.list({ all: true }).map((image) => [image.id, image.repoTags]));
  return engine.containers.list({ all: true }).map((summary) => {
    let inspected: InspectFacts | undefined;
    const info = (): InspectFacts => (inspected ??= engine.containers.inspect(summary.id) as InspectFacts);
    const exit = EXIT_STATUS.exec(summary.status);
    const exitCode = exit ? Number(exit[1]) : summary.state === 'exited' || summary.state === 'dead' ? (info().State?.ExitCode ?? 0) : 0;
    const fixed = fixedFactsOf(engine, summary.id, info);
    return {
      id: summary.id,
      name: summary.name,
      image: summary.image,
      imageId: summary.imageId,
      imageTags: tagsById.get(summary.imageId) ?? [],
      state: summary.state,
      exitCode,
      attached: summary.attached,
      ...fixed,
    };
  });
}

/** Reads `snapshot().registry.repos` (path → tag → image), the documented part of the snapshot lessons use. */
function pushedRepos(engine: EngineApi): Record<string, string[]> {
  // The engine's registry domain writes that part itself; asking it alone skips encoding every container's files.
  const own = (engine.registry as { toSnapshot?: () => unknown }).toSnapshot;
  const registry = (own ? own.call(engine.registry) : engine.system.snapshot()['registry']) as { repos?: Record<string, Record<string, unknown>> } | undefined;
  const out: Record<string, string[]> = {};
  for (const [path, tags] of Object.entries(registry?.repos ?? {})) out[path] = Object.keys(tags);
  return out;
}

export function buildLessonState(sources: LessonStateSources): LessonState {
  const { engine } = sources;
  const files = workspaceFiles(sources.fs, sources.workspace);
  const last = engine.builder.lastBuild();
  const user = engine.registry.currentUser();
  return {
    containers: containerFacts(engine),
    images: engine.images.list({ all: true }).map((image) => ({ id: image.id, repoTags: [...image.repoTags] })),
    ...(last
      ? {
          lastBuild: {
            succeeded: !last.error && !last.canceled && last.imageId !== undefined,
            ...(last.imageId !== undefined ? { imageId: last.imageId } : {}),
            canceled: last.canceled ?? false,
            tags: [...last.tags],
            steps: last.steps.map((step) => ({ index: step.index, total: step.total, stage: step.stage, instruction: step.instruction, cached: step.cached })),
          },
        }
      : {}),
    registry: { ...(user !== undefined ? { user } : {}), repos: pushedRepos(engine) },
    files,
    ...(files['Dockerfile'] !== undefined ? { dockerfile: dockerfileFact(files['Dockerfile']) } : {}),
    commands: [...sources.commands],
  };
}
