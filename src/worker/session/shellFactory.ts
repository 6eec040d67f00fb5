/** The real bash-flavoured shell for a session. */
import { Shell } from '../../shell/index.js';
import type { SessionShell, ShellConfig } from './deps.js';

export function createDefaultShell(config: ShellConfig): SessionShell {
  return new Shell({
    fs: config.fs,
    cwd: config.cwd,
    env: new Map(config.env),
    clock: config.clock,
    flavor: 'bash',
    commands: config.commands,
    history: config.history,
    http: config.http,
  });
}
