/**
 * docker/cli's cobra usage template (cli/cobra.go) rendered for our command
 * tree: `docker --help`, `docker container --help`, `docker run --help`.
 */
import type { FlagSpec } from '../argv/flags.js';
import type { CommandSpec } from '../argv/spec.js';
import { flagUsages } from './flagUsages.js';

const ADDITIONAL_HELP = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

export interface ListedCommand {
  readonly name: string;
  readonly short: string;
}

function commandList(commands: readonly ListedCommand[], padding: number): string {
  return commands.map((c) => `  ${c.name.padEnd(padding)} ${c.short}`).join('\n');
}

/** cobra's NamePadding: the longest sibling name, at least 11. */
export function namePadding(names: readonly string[]): number {
  return Math.max(11, ...names.map((n) => n.length));
}

/** `docker <path> --help` for a runnable command. */
export function renderCommandHelp(spec: CommandSpec, parentPath: string, aliasLine: string | undefined, columns: number, helpFlag: FlagSpec): string {
  let out = `\nUsage:  ${parentPath} ${spec.name}${spec.use ? ` ${spec.use}` : ''}\n\n${spec.long ?? spec.short}\n`;
  if (aliasLine) out += `\nAliases:\n  ${aliasLine}\n`;
  const flags = [...spec.flags, helpFlag];
  if (flags.some((f) => !f.hidden)) out += `\nOptions:\n${flagUsages(flags, columns)}\n`;
  return out;
}

/** `docker container --help` (and what `docker container` alone prints to stderr). */
export function renderGroupHelp(path: string, short: string, commands: readonly ListedCommand[]): string {
  const sorted = [...commands].sort((a, b) => (a.name < b.name ? -1 : 1));
  const pad = namePadding(sorted.map((c) => c.name));
  return `\nUsage:  ${path} COMMAND\n\n${short}\n\nCommands:\n${commandList(sorted, pad)}\n\nRun '${path} COMMAND --help' for more information on a command.\n`;
}

export interface RootSections {
  readonly common: readonly ListedCommand[];
  readonly management: readonly ListedCommand[];
  readonly commands: readonly ListedCommand[];
  readonly globalFlags: readonly FlagSpec[];
}

/** `docker --help`. */
export function renderRootHelp(sections: RootSections, columns: number): string {
  const all = [...sections.common, ...sections.management, ...sections.commands].map((c) => c.name);
  const pad = namePadding(all);
  const byName = (list: readonly ListedCommand[]): ListedCommand[] => [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
  let out = '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n';
  out += `\nCommon Commands:\n${commandList(sections.common, pad)}\n`;
  out += `\nManagement Commands:\n${commandList(byName(sections.management), pad)}\n`;
  out += `\nCommands:\n${commandList(byName(sections.commands), pad)}\n`;
  out += `\nGlobal Options:\n${flagUsages(sections.globalFlags, columns)}\n`;
  out += `\nRun 'docker COMMAND --help' for more information on a command.\n`;
  out += `\n${ADDITIONAL_HELP}\n`;
  return out;
}
