/**
 * The docker command tree: management groups with their subcommands, and the
 * top-level names (shortcuts such as `docker run` for `docker container run`,
 * plus top-level-only commands such as `docker login`).
 */
import type { CommandTree, TopLevelEntry } from '../argv/dispatch.js';
import type { CommandSpec, GroupSpec } from '../argv/spec.js';
import { CLIENT } from '../clientInfo.js';
import { builderPruneCommand } from './builder/prune.js';
import { attachCommand } from './container/attach.js';
import { cpCommand } from './container/cp.js';
import { createCommand } from './container/create.js';
import { execCommand } from './container/exec.js';
import { containerInspectCommand } from './container/inspect.js';
import { killCommand } from './container/kill.js';
import { logsCommand } from './container/logs.js';
import { lsCommand } from './container/ls.js';
import { containerPruneCommand } from './container/prune.js';
import { restartCommand } from './container/restart.js';
import { rmCommand } from './container/rm.js';
import { runCommand } from './container/run.js';
import { startCommand } from './container/start.js';
import { stopCommand } from './container/stop.js';
import { buildCommand } from './image/build.js';
import { historyCommand } from './image/history.js';
import { imageInspectCommand } from './image/inspect.js';
import { imageLsCommand } from './image/ls.js';
import { imagePruneCommand } from './image/prune.js';
import { pullCommand } from './image/pull.js';
import { pushCommand } from './image/push.js';
import { imageRmCommand } from './image/rm.js';
import { tagCommand } from './image/tag.js';
import { loginCommand } from './registry/login.js';
import { logoutCommand } from './registry/logout.js';
import { infoCommand } from './system/info.js';
import { inspectCommand } from './system/inspect.js';
import { versionCommand } from './system/version.js';

const containerCommands: CommandSpec[] = [
  attachCommand,
  cpCommand,
  createCommand,
  execCommand,
  containerInspectCommand,
  killCommand,
  logsCommand,
  lsCommand,
  containerPruneCommand,
  restartCommand,
  rmCommand,
  runCommand,
  startCommand,
  stopCommand,
];
const imageCommands: CommandSpec[] = [
  buildCommand,
  historyCommand,
  imageInspectCommand,
  imageLsCommand,
  imagePruneCommand,
  pullCommand,
  pushCommand,
  imageRmCommand,
  tagCommand,
];

const groups: GroupSpec[] = [
  { name: 'builder', short: 'Manage builds', children: [buildCommand, builderPruneCommand] },
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

const topOnly: CommandSpec[] = [infoCommand, inspectCommand, loginCommand, logoutCommand, versionCommand];

function buildTopLevel(): Map<string, TopLevelEntry> {
  const top = new Map<string, TopLevelEntry>();
  for (const [name, groupName, child] of SHORTCUTS) {
    const spec = groups.find((g) => g.name === groupName)?.children.find((c) => c.name === child);
    if (spec) top.set(name, { spec, group: groupName });
  }
  for (const spec of topOnly) top.set(spec.name, { spec });
  return new Map([...top].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const COMMAND_TREE: CommandTree = {
  groups,
  topLevel: buildTopLevel(),
  common: ['run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info'],
  clientVersion: CLIENT.version,
  clientBuild: CLIENT.gitCommit,
};
