import { describe, expect, it } from 'vitest';
import { Pipe } from '../../os/streams.js';
import { fakeTerminal, makeRig } from '../testing/harness.js';

async function settle(n = 8): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('docker exec -it', () => {
  it('is a usable shell: raw terminal, echo and prompt from the pty, Ctrl-C to the process, Ctrl-D ends it', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', 'infinity']);
    const terminal = fakeTerminal();
    const stdin = new Pipe();
    const modes: boolean[] = [];
    const original = terminal.setRawMode.bind(terminal);
    terminal.setRawMode = (raw: boolean) => {
      modes.push(raw);
      original(raw);
    };
    const running = rig.docker(['exec', '-it', 'web', 'sh'], { terminal, stdin });
    await settle();
    expect(modes).toEqual([true]);
    expect(rig.stdout.text).toBe('/ # ');
    stdin.write('ls /\r');
    await settle();
    expect(rig.stdout.text).toMatch(/^\/ # ls \/\r\n.*bin.*\r\n/s);
    rig.stdout.clear();
    // cat waits on the pty, not on the (virtual) clock; once Ctrl-C ends it, the next line goes to the shell.
    stdin.write('cat\r');
    await settle();
    stdin.write('\x03');
    await settle();
    stdin.write('echo after\r');
    await settle();
    expect(rig.stdout.text).toBe('cat\r\n^C\r\n/ # echo after\r\nafter\r\n/ # ');
    stdin.write('\x04');
    expect(await running).toBe(0);
    expect(modes).toEqual([true, false]);
    expect(await rig.docker(['ps', '--format', '{{.Names}} {{.State}}'])).toBe(0);
    expect(rig.stdout.text).toBe('web running\n');
  });

  it('returns the exec’d shell’s exit status', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', 'infinity']);
    const stdin = new Pipe();
    const running = rig.docker(['exec', '-it', 'web', 'sh'], { terminal: fakeTerminal(), stdin });
    stdin.write('exit 7\r');
    expect(await running).toBe(7);
  });

  it('detaches on Ctrl-P Ctrl-Q (or --detach-keys) with read escape sequence, exit 1, leaving the process running', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', 'infinity']);
    const terminal = fakeTerminal();
    const stdin = new Pipe();
    const running = rig.docker(['exec', '-it', 'web', 'sh'], { terminal, stdin });
    await settle();
    stdin.write('echo hi > /tmp/mark\r');
    await settle();
    stdin.write('\x10');
    await settle();
    stdin.write('\x11');
    expect(await running).toBe(1);
    expect(rig.stderr.text).toBe('read escape sequence\n');
    expect(terminal.raw).toBe(false);
    expect(await rig.docker(['exec', 'web', 'cat', '/tmp/mark'])).toBe(0);
    expect(rig.stdout.text).toBe('hi\n');

    const custom = new Pipe();
    const again = rig.docker(['exec', '-it', '--detach-keys', 'ctrl-x,x', 'web', 'sh'], { terminal, stdin: custom });
    custom.write('\x10\x11');
    await settle();
    custom.write('\x18x');
    expect(await again).toBe(1);
  });

  it('a Ctrl-P not followed by Ctrl-Q reaches the process', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', 'infinity']);
    const stdin = new Pipe();
    const running = rig.docker(['exec', '-it', 'web', 'sh'], { terminal: fakeTerminal(), stdin });
    await settle();
    stdin.write('\x10echo ok\r');
    await settle();
    expect(rig.stdout.text).toBe('/ # echo ok\r\nok\r\n/ # ');
    stdin.write('\x04');
    expect(await running).toBe(0);
  });

  it('-it without a terminal fails; -t alone writes one CRLF stream', async () => {
    const rig = makeRig();
    await rig.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', 'infinity']);
    expect(await rig.docker(['exec', '-it', 'web', 'sh'])).toBe(1);
    expect(rig.stderr.text).toBe('the input device is not a TTY\n');
    expect(await rig.docker(['exec', '-t', 'web', 'sh', '-c', 'echo out; echo err >&2'])).toBe(0);
    expect(rig.stdout.text).toBe('out\r\nerr\r\n');
    expect(rig.stderr.text).toBe('');
  });
});
