#!/usr/bin/env node
/**
 * `slipway`: the playground's shell and engine in a real terminal, or, with
 * stdin not a terminal, as a transcript (PRODUCT.md §6).
 */
import { readFileSync, statSync } from 'node:fs';
import { USAGE, parseArgs } from './lib/args.js';
import { parseCommand } from './lib/parse.js';

/** The package version; package.json sits one level up from both bin/ and dist/. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: readonly string[]): Promise<number> {
  const invocation = parseArgs(argv);
  switch (invocation.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`slipway ${version()}\n`);
      return 0;
    case 'error':
      process.stderr.write(`slipway: ${invocation.message}\nSee 'slipway --help'.\n`);
      return 2;
    case 'lessons-check': {
      const { runLessonsCheck } = await import('../scripts/lessons-disk.js');
      return runLessonsCheck(invocation.dir ?? 'lessons', {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    }
    case 'parse': {
      const result = parseCommand(invocation.file);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.status;
    }
    case 'session': {
      if (invocation.workspace !== undefined && !statSync(invocation.workspace, { throwIfNoEntry: false })?.isDirectory()) {
        process.stderr.write(`slipway: --workspace ${invocation.workspace}: not a directory\n`);
        return 2;
      }
      // Loaded only here, so `parse` and `--help` never build an engine.
      const { runInteractive, runTranscriptMode } = await import('./lib/headless.js');
      const options = { workspace: invocation.workspace, virtualClock: process.env.SLIPWAY_CLOCK === 'virtual' };
      if (process.stdin.isTTY) return runInteractive(options);
      return runTranscriptMode(options, process.stdin, (text) => process.stdout.write(text));
    }
  }
}

// `slipway … | head` closes the pipe early: stop quietly, as other CLIs do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    // Containers may still run (a detached server): the command ends here regardless.
    process.stdout.write('', () => process.exit(status));
  },
  (error: unknown) => {
    process.stderr.write(`slipway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
