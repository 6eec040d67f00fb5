import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../../engine/index.js';
import { makeRig } from '../testing/harness.js';

/** Lets the engine's pending work (pull, create, start) settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

describe('signals while attached without a TTY', () => {
  it('forwards Ctrl-C to the container through the kill API and gives up after three', async () => {
    // A stub engine whose container never exits: the virtual clock would end a real `sleep` at once.
    const kills: string[] = [];
    const engine = {
      images: { resolve: () => 'sha256:' + 'a'.repeat(64) },
      containers: {
        create: () => ({ id: 'f'.repeat(64), warnings: [] }),
        start: async () => undefined,
        attach: () => ({ write: () => undefined, closeStdin: () => undefined, detach: () => undefined, done: new Promise<number | null>(() => undefined) }),
        kill: (_id: string, signal: string) => void kills.push(signal),
      },
    } as unknown as EngineApi;
    const rig = makeRig(engine);
    const running = rig.docker(['run', 'busybox', 'sleep', '1000']);
    await settle();
    rig.signals.emit('SIGINT');
    rig.signals.emit('SIGINT');
    rig.signals.emit('SIGINT');
    expect(await running).toBe(1);
    expect(kills).toEqual(['SIGINT', 'SIGINT']);
    expect(rig.stderr.text).toBe('got 3 SIGTERM/SIGINTs, forcefully exiting\n');
  });

  it('-t without -i: no proxy, so Ctrl-C ends the client with 130 and the container keeps running (fuzz)', async () => {
    const rig = makeRig();
    await rig.docker(['pull', '-q', 'busybox']);
    // sh on a TTY with no stdin attached waits for ever: the student's only way out is Ctrl-C.
    const running = rig.docker(['run', '-t', '--name', 'waiting', 'busybox']);
    await settle();
    rig.signals.emit('SIGINT');
    expect(await running).toBe(130);
    expect(await rig.docker(['ps', '--format', '{{.Names}} {{.State}}'])).toBe(0);
    expect(rig.stdout.text).toBe('waiting running\n');
    await rig.docker(['rm', '-f', 'waiting']);
  });

  it('--rm removes the container once it exits', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '--rm', 'busybox', 'echo', 'bye'])).toBe(0);
    expect(rig.stdout.text).toBe('bye\n');
    expect(await rig.docker(['ps', '-aq'])).toBe(0);
    expect(rig.stdout.text).toBe('');
  });

  it('keeps flags after the image for the container and rejects unknown ones before it', async () => {
    const rig = makeRig();
    expect(await rig.docker(['run', '--foo', 'busybox'])).toBe(125);
    expect(rig.stderr.text).toBe("unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n");
    expect(await rig.docker(['run', 'busybox', 'echo', '-n', '--foo'])).toBe(0);
    expect(rig.stdout.text).toBe('--foo');
    expect(await rig.docker(['run', '-p', 'abc', 'busybox'])).toBe(125);
    expect(rig.stderr.text).toBe("docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n");
  });

  it('ends other commands on Ctrl-C with 130 and silences their late output', async () => {
    let progress: ((e: { id?: string; status: string }) => void) | undefined;
    const engine = {
      images: {
        pull: (_ref: string, onProgress: (e: { id?: string; status: string }) => void) => {
          progress = onProgress;
          return new Promise(() => undefined);
        },
      },
    } as unknown as EngineApi;
    const rig = makeRig(engine);
    const running = rig.docker(['pull', 'alpine']);
    await settle();
    progress?.({ id: 'aaaaaaaaaaaa', status: 'Pulling fs layer' });
    rig.signals.emit('SIGINT');
    expect(await running).toBe(130);
    const before = rig.stdout.text;
    progress?.({ id: 'aaaaaaaaaaaa', status: 'Pull complete' });
    expect(rig.stdout.text).toBe(before);
    expect(before).toBe('Using default tag: latest\nlatest: Pulling from library/alpine\naaaaaaaaaaaa: Pulling fs layer\n');
  });
});
