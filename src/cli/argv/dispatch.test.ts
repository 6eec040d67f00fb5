import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeRig as realRig, noEngine } from '../testing/harness.js';

const makeRig = () => realRig(noEngine());

describe('dispatch', () => {
  it('reports an unknown command in the 28/29 wording, exit 1', async () => {
    const rig = makeRig();
    expect(await rig.docker(['foo'])).toBe(1);
    expect(rig.stderr.text).toBe("docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n");
    expect(await rig.docker(['container', 'foo'])).toBe(1);
    expect(rig.stderr.text).toBe("docker: unknown command: docker container foo\n\nRun 'docker container --help' for more information\n");
  });

  it('reports an unknown flag with the usage block, exit 125', async () => {
    const rig = makeRig();
    expect(await rig.docker(['stop', '--foo', 'web'])).toBe(125);
    expect(rig.stderr.text).toBe("unknown flag: --foo\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nRun 'docker stop --help' for more information\n");
    expect(await rig.docker(['container', 'stop', '-x'])).toBe(125);
    expect(rig.stderr.text).toContain("unknown shorthand flag: 'x' in -x\n\nUsage:  docker container stop [OPTIONS]");
    expect(await rig.docker(['--bogus', 'ps'])).toBe(125);
    expect(rig.stderr.text).toBe("unknown flag: --bogus\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n");
  });

  it('reports argument-count errors, exit 1', async () => {
    const rig = makeRig();
    expect(await rig.docker(['stop'])).toBe(1);
    expect(rig.stderr.text).toBe(
      "docker: 'docker stop' requires at least 1 argument\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker stop --help' for more information\n",
    );
    expect(await rig.docker(['ps', 'extra'])).toBe(1);
    expect(rig.stderr.text).toBe("docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n");
  });

  it('prints command help with aliases and the options table', async () => {
    const rig = makeRig();
    expect(await rig.docker(['stop', '--help'])).toBe(0);
    expect(rig.stdout.text).toBe(
      [
        '',
        'Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]',
        '',
        'Stop one or more running containers',
        '',
        'Aliases:',
        '  docker container stop, docker stop',
        '',
        'Options:',
        '  -s, --signal string   Signal to send to the container',
        '  -t, --timeout int     Seconds to wait before killing the container',
        '',
      ].join('\n'),
    );
    expect(await rig.docker(['container', 'ls', '-h'])).toBe(0);
    expect(rig.stdout.text).toContain('Usage:  docker container ls [OPTIONS]\n');
    expect(rig.stdout.text).toContain('  docker container ls, docker container list, docker container ps, docker ps\n');
    expect(rig.stdout.text).toContain('  -n, --last int        Show n last created containers (includes all\n                        states) (default -1)\n');
  });

  it('prints group help and root help', async () => {
    const rig = makeRig();
    expect(await rig.docker(['container', '--help'])).toBe(0);
    expect(rig.stdout.text).toContain('\nUsage:  docker container COMMAND\n\nManage containers\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  cp          Copy files/folders');
    expect(await rig.docker(['--help'])).toBe(0);
    expect(rig.stdout.text).toContain('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n  exec        Execute a command in a running container\n  ps          List containers\n');
    expect(rig.stdout.text).toContain("\nRun 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n");
    expect(await rig.docker([])).toBe(0);
    expect(rig.stderr.text).toContain('Management Commands:\n  builder     Manage builds\n  container   Manage containers\n');
  });

  it('prints the client version for -v', async () => {
    const rig = makeRig();
    expect(await rig.docker(['-v'])).toBe(0);
    expect(rig.stdout.text).toMatch(/^Docker version 29\.\d+\.\d+, build [0-9a-f]{7}\n$/);
  });

  it('property: arbitrary argv always resolves to an exit code', async () => {
    const words = fc.oneof(
      fc.constantFrom('ps', 'stop', 'rm', 'container', 'image', 'ls', '-a', '-q', '--help', '-h', '--', '-', '--format', '{{.ID}}', 'help', '-it', '--name=x'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(words, { maxLength: 6 }), async (argv) => {
        const rig = makeRig();
        const code = await rig.docker(argv);
        expect(Number.isInteger(code)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
