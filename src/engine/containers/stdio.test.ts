import { describe, expect, it } from 'vitest';
import type { SignalName } from '../../os/process.js';
import { CollectingOutput } from '../../os/streams.js';
import { VirtualClock } from '../../os/testing/virtualClock.js';
import type { LogEntry } from './model.js';
import { OutputHub, Pty, StdinQueue } from './stdio.js';

function pty() {
  const stdin = new StdinQueue();
  let echoed = '';
  const signals: SignalName[] = [];
  const terminal = new Pty(stdin, (t) => (echoed += t), (s) => signals.push(s));
  return { stdin, terminal, signals, echoed: () => echoed };
}

describe('Pty line discipline', () => {
  it('edits the line, delivers it on Enter, and signals on Ctrl-C and Ctrl-\\', async () => {
    const { stdin, terminal, signals, echoed } = pty();
    terminal.input('ls -x\x7f\x7fla\r');
    expect(await stdin.read()).toBe('ls la\n');
    terminal.input('junk\x15ok\x03\x1c');
    expect(signals).toEqual(['SIGINT', 'SIGQUIT']);
    expect(echoed()).toBe('ls -x\b \b\b \bla\r\njunk\b \b\b \b\b \b\b \bok^C^\\');
  });

  it('Ctrl-D is EOF at line start and flushes a partial line otherwise; EOF is one-shot', async () => {
    const { stdin, terminal } = pty();
    terminal.input('abc\x04');
    expect(await stdin.read()).toBe('abc');
    terminal.input('\x04');
    expect(await stdin.read()).toBeNull();
    terminal.input('again\r');
    expect(await stdin.read()).toBe('again\n');
  });

  it('passes bytes through in raw mode and hides typing with echo off', async () => {
    const { stdin, terminal, echoed } = pty();
    terminal.setRawMode(true);
    terminal.input('\x1b[A\x03');
    expect(await stdin.read()).toBe('\x1b[A\x03');
    terminal.setRawMode(false);
    terminal.setEcho(false);
    terminal.input('secret\r');
    expect(await stdin.read()).toBe('secret\n');
    expect(echoed()).toBe('');
  });
});

describe('OutputHub', () => {
  it('logs whole lines per stream and fans out raw chunks', () => {
    const logs: LogEntry[] = [];
    const hub = new OutputHub(logs, new VirtualClock(), false);
    const out = new CollectingOutput();
    const err = new CollectingOutput();
    hub.attachers.add({ stdout: out, stderr: err });
    hub.stream('stdout').write('a\nb');
    hub.stream('stderr').write('oops\n');
    hub.stream('stdout').write('c\n');
    hub.flush();
    expect(logs.map((l) => [l.stream, l.text])).toEqual([
      ['stdout', 'a\n'],
      ['stderr', 'oops\n'],
      ['stdout', 'bc\n'],
    ]);
    expect(out.text).toBe('a\nbc\n');
    expect(err.text).toBe('oops\n');
  });

  it('merges streams and turns \\n into \\r\\n on a TTY', () => {
    const logs: LogEntry[] = [];
    const hub = new OutputHub(logs, new VirtualClock(), true);
    const out = new CollectingOutput();
    hub.attachers.add({ stdout: out, stderr: new CollectingOutput() });
    hub.stream('stdout').write('one\ntwo\r\n');
    hub.stream('stderr').write('err\n');
    expect(out.text).toBe('one\r\ntwo\r\nerr\r\n');
    expect(logs.every((l) => l.stream === 'stdout')).toBe(true);
  });
});
