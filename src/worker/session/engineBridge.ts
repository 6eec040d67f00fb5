/**
 * The session's bridges from the shell to the engine: `docker` runs the CLI
 * against the shared engine, and curl's `localhost:<port>` reaches a
 * published port through `engine.http`, as the host's loopback would.
 */
import type { ExternalCommand } from '../../os/process.js';
import type { EngineApi } from '../../engine/index.js';
import { runDocker } from '../../cli/index.js';
import { CONNECTION_REFUSED, HOST_NOT_FOUND, type HttpClient } from '../../shell/commands/http.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

export function dockerCommand(engine: EngineApi): ExternalCommand {
  // argv[0] is the command name, as in a process's argv.
  return (argv, ctx) =>
    runDocker(argv.slice(1), {
      stdin: ctx.stdin,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
      signals: ctx.signals,
      terminal: ctx.terminal,
      env: ctx.env,
      cwd: ctx.cwd,
      fs: ctx.fs,
      clock: ctx.clock,
      engine,
    });
}

function isRefused(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ConnectionRefused' || (error as { code?: unknown }).code === 'ECONNREFUSED';
}

export function engineHttpClient(engine: EngineApi): HttpClient {
  return {
    async request(host, port, req) {
      if (!LOOPBACK.has(host.toLowerCase())) return HOST_NOT_FOUND;
      try {
        return await engine.http(port, req);
      } catch (error) {
        if (isRefused(error)) return CONNECTION_REFUSED;
        throw error;
      }
    },
  };
}
