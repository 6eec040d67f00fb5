/**
 * The container `sh`/`bash` backed by the shared interpreter from src/shell,
 * so a container's shell behaves exactly like the terminal's (same builtins,
 * coreutils, error messages per flavor).
 */
import { COREUTIL_NAMES, Shell } from '../../shell/index.js';
import type { ShellFactory } from './shellHost.js';

export const sharedShellFactory: ShellFactory = (options) => {
  const shell = new Shell({
    fs: options.fs,
    cwd: options.cwd,
    env: options.env,
    clock: options.clock,
    flavor: options.flavor,
    commands: (name) => options.commands(name),
    scriptName: options.scriptName,
    args: options.args,
    http: options.http,
    interactive: options.interactive ?? false,
  });
  return {
    run: (source, io) => shell.run(source, io),
    hasTrap: (signal) => shell.hasTrap(signal),
    get exitRequested() {
      return shell.exitRequested;
    },
    get cwd() {
      return shell.cwd;
    },
  };
};

/** Applets the shared shell implements itself; images ship them as files in /bin. */
export const SHARED_SHELL_APPLETS: readonly string[] = COREUTIL_NAMES.filter((name) => name !== 'sh' && name !== 'bash');
