/**
 * The docker command tree: management groups with their subcommands, and the
 * top-level names (shortcuts such as `docker run` for `docker container run`,
 * plus top-level-only commands such as `docker login`).
 */
import type { CommandTree, TopLevelEntry } from '../argv/dispatch.js';
import type { CommandEntry, CommandSpec, GroupSpec } from '../argv/spec.js';
import { CLIENT } from '../clientInfo.js';
import { loadOnce } from '../../os/lazy.js';
// `docker ps` answers the first command (PRODUCT.md §7): it stays in the first download, its `--format` templates do not.
import { lsCommand } from './container/ls.js';

/**
 * A command whose module is imported the first time it is run, asked for help
 * or completed: the browser's engine worker must answer its first command
 * before most of the CLI has downloaded (PRODUCT.md §7). The name, summary
 * and aliases are repeated here for listings; a test checks them against the
 * module's spec.
 */
function lazy(name: string, short: string, load: () => Promise<CommandSpec>, aliases?: readonly string[]): CommandEntry {
  return aliases ? { name, short, aliases, load: loadOnce(load) } : { name, short, load: loadOnce(load) };
}

function eager(spec: CommandSpec): CommandEntry {
  const loaded = Promise.resolve(spec);
  return spec.aliases ? { name: spec.name, short: spec.short, aliases: spec.aliases, load: () => loaded } : { name: spec.name, short: spec.short, load: () => loaded };
}

const build = lazy('build', 'Build an image from a Dockerfile', () => import('./image/build.js').then((m) => m.buildCommand));

const containerCommands: CommandEntry[] = [
  lazy('attach', 'Attach local standard input, output, and error streams to a running container', () => import('./container/attach.js').then((m) => m.attachCommand)),
  lazy('cp', 'Copy files/folders between a container and the local filesystem', () => import('./container/cp.js').then((m) => m.cpCommand)),
  lazy('create', 'Create a new container', () => import('./container/create.js').then((m) => m.createCommand)),
  lazy('exec', 'Execute a command in a running container', () => import('./container/exec.js').then((m) => m.execCommand)),
  lazy('inspect', 'Display detailed information on one or more containers', () => import('./container/inspect.js').then((m) => m.containerInspectCommand)),
  lazy('kill', 'Kill one or more running containers', () => import('./container/kill.js').then((m) => m.killCommand)),
  lazy('logs', 'Fetch the logs of a container', () => import('./container/logs.js').then((m) => m.logsCommand)),
  eager(lsCommand),
  lazy('prune', 'Remove all stopped containers', () => import('./container/prune.js').then((m) => m.containerPruneCommand)),
  lazy('restart', 'Restart one or more containers', () => import('./container/restart.js').then((m) => m.restartCommand)),
  lazy('rm', 'Remove one or more containers', () => import('./container/rm.js').then((m) => m.rmCommand), ['remove']),
  lazy('run', 'Create and run a new container from an image', () => import('./container/run.js').then((m) => m.runCommand)),
  lazy('start', 'Start one or more stopped containers', () => import('./container/start.js').then((m) => m.startCommand)),
  lazy('stop', 'Stop one or more running containers', () => import('./container/stop.js').then((m) => m.stopCommand)),
];
const imageCommands: CommandEntry[] = [
  build,
  lazy('history', 'Show the history of an image', () => import('./image/history.js').then((m) => m.historyCommand)),
  lazy('inspect', 'Display detailed information on one or more images', () => import('./image/inspect.js').then((m) => m.imageInspectCommand)),
  lazy('ls', 'List images', () => import('./image/ls.js').then((m) => m.imageLsCommand), ['list']),
  lazy('prune', 'Remove unused images', () => import('./image/prune.js').then((m) => m.imagePruneCommand)),
  lazy('pull', 'Download an image from a registry', () => import('./image/pull.js').then((m) => m.pullCommand)),
  lazy('push', 'Upload an image to a registry', () => import('./image/push.js').then((m) => m.pushCommand)),
  lazy('rm', 'Remove one or more images', () => import('./image/rm.js').then((m) => m.imageRmCommand), ['remove']),
  lazy('tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', () => import('./image/tag.js').then((m) => m.tagCommand)),
];

const groups: GroupSpec[] = [
  { name: 'builder', short: 'Manage builds', children: [build, lazy('prune', 'Remove build cache', () => import('./builder/prune.js').then((m) => m.builderPruneCommand))] },
  { name: 'container', short: 'Manage containers', children: containerCommands },
  { name: 'image', short: 'Manage images', children: imageCommands },
];

/** `docker <top>` → `docker <group> <name>`. */
const SHORTCUTS: readonly (readonly [string, string, string])[] = [
  ['attach', 'container', 'attach'],
  ['build', 'image', 'build'],
  ['cp', 'container', 'cp'],
  ['create', 'container', 'create'],
  ['exec', 'container', 'exec'],
  ['history', 'image', 'history'],
  ['images', 'image', 'ls'],
  ['kill', 'container', 'kill'],
  ['logs', 'container', 'logs'],
  ['ps', 'container', 'ls'],
  ['pull', 'image', 'pull'],
  ['push', 'image', 'push'],
  ['restart', 'container', 'restart'],
  ['rm', 'container', 'rm'],
  ['rmi', 'image', 'rm'],
  ['run', 'container', 'run'],
  ['start', 'container', 'start'],
  ['stop', 'container', 'stop'],
  ['tag', 'image', 'tag'],
];

const topOnly: CommandEntry[] = [
  lazy('info', 'Display system-wide information', () => import('./system/info.js').then((m) => m.infoCommand)),
  lazy('inspect', 'Return low-level information on Docker objects', () => import('./system/inspect.js').then((m) => m.inspectCommand)),
  lazy('login', 'Authenticate to a registry', () => import('./registry/login.js').then((m) => m.loginCommand)),
  lazy('logout', 'Log out from a registry', () => import('./registry/logout.js').then((m) => m.logoutCommand)),
  lazy('version', 'Show the Docker version information', () => import('./system/version.js').then((m) => m.versionCommand)),
];

function buildTopLevel(): Map<string, TopLevelEntry> {
  const top = new Map<string, TopLevelEntry>();
  for (const [name, groupName, child] of SHORTCUTS) {
    const spec = groups.find((g) => g.name === groupName)?.children.find((c) => c.name === child);
    if (spec) top.set(name, { spec, group: groupName });
  }
  for (const spec of topOnly) top.set(spec.name, { spec });
  return new Map([...top].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Imports every command module. Tests that count event-loop turns until a
 * command reacts call it first, so a first import does not cost extra turns.
 */
export async function loadAllCommands(): Promise<void> {
  await Promise.all([...groups.flatMap((g) => g.children), ...topOnly].map((entry) => entry.load()));
}

export const COMMAND_TREE: CommandTree = {
  groups,
  topLevel: buildTopLevel(),
  common: ['run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info'],
  clientVersion: CLIENT.version,
  clientBuild: CLIENT.gitCommit,
};
