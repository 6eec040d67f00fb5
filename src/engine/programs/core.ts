/**
 * The built-in programs every base image can run. Image layers hold
 * placeholder files (`#!slipway <name>`) that map to these names.
 */
import type { ProgramRegistry } from '../context.js';
import { appletViaShell, busyboxProgram, catProgram, echoProgram, envProgram, falseProgram, nologinProgram, pwdProgram, SHELL_APPLETS, sleepProgram, trueProgram } from './basic.js';
import { entrypointProgram, nginxEntrypointProgram, nodeEntrypointProgram } from './entrypoints.js';
import { helloProgram } from './hello.js';
import { nginxProgram } from './nginx.js';
import { nodeProgram, pythonProgram } from './runtimes.js';
import { shProgram } from './sh.js';
import { SHARED_SHELL_APPLETS } from './sharedShell.js';

export function registerCorePrograms(registry: ProgramRegistry): void {
  for (const name of new Set([...SHELL_APPLETS, ...SHARED_SHELL_APPLETS])) registry.register(name, appletViaShell(name));
  for (const name of ['sh', 'bash', 'dash', 'ash']) registry.register(name, shProgram);
  registry.register('sleep', sleepProgram);
  registry.register('true', trueProgram);
  registry.register('false', falseProgram);
  registry.register('echo', echoProgram);
  registry.register('cat', catProgram);
  registry.register('env', envProgram);
  registry.register('pwd', pwdProgram);
  registry.register('hello', helloProgram);
  registry.register('docker-entrypoint.sh', entrypointProgram);
  registry.register('node-docker-entrypoint.sh', nodeEntrypointProgram);
  registry.register('nginx-docker-entrypoint.sh', nginxEntrypointProgram);
  // The registry catalogue's placeholder names for the nginx image's scripts.
  registry.register('nginx-entrypoint', nginxEntrypointProgram);
  registry.register('nginx-entrypoint.d', trueProgram);
  registry.register('busybox', busyboxProgram);
  registry.register('nologin', nologinProgram);
  registry.register('nginx', nginxProgram);
  registry.register('nginx-debug', nginxProgram);
  registry.register('node', nodeProgram);
  registry.register('python', pythonProgram);
  registry.register('python3', pythonProgram);
}
