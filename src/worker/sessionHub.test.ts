import { describe, expect, it } from 'vitest';
import type { TerminalSession } from './session/TerminalSession.js';
import type { SessionStatus } from './protocol.js';
import { SessionHub } from './sessionHub.js';

/** A session stand-in: the hub only listens to its state (and reads it on attach). */
function fakeSession(): { session: TerminalSession; setState: (state: SessionStatus) => void } {
  let listener: (state: SessionStatus) => void = () => undefined;
  const session = {
    state: 'prompt',
    onStateChange: (l: (state: SessionStatus) => void) => {
      listener = l;
      return () => undefined;
    },
  } as unknown as TerminalSession;
  return { session, setState: (state) => listener(state) };
}

/** A hub with session `t1` added: its write function, its state setter, and the hub's deferred flushes to run by hand. */
function hubWithSession(): { hub: SessionHub; write: (text: string) => void; setState: (state: SessionStatus) => void; runDeferred: () => void } {
  const deferred: (() => void)[] = [];
  const hub = new SessionHub((task) => deferred.push(task));
  let write: (text: string) => void = () => undefined;
  const fake = fakeSession();
  hub.add(
    't1',
    (w) => {
      write = w;
      return fake.session;
    },
    () => undefined,
  );
  return { hub, write: (text) => write(text), setState: fake.setState, runDeferred: () => deferred.splice(0).forEach((task) => task()) };
}

describe('SessionHub', () => {
  it('sends the output and the states since the last message as one message when the prompt is back, without waiting for the batch', () => {
    const { hub, write, setState, runDeferred } = hubWithSession();
    const events: string[] = [];
    hub.attach('t1', { update: (text, states) => events.push(`${JSON.stringify(text)} ${states.join(',')}`) });
    expect(events).toEqual(['"" prompt']);
    events.length = 0;
    write('\r\n');
    setState('running');
    write('row 1\r\n');
    write('$ ');
    setState('prompt');
    expect(events).toEqual(['"\\r\\nrow 1\\r\\n$ " running,prompt']);
    runDeferred();
    expect(events).toHaveLength(1);
  });

  it('sends a state that does not end a command with the next batch, and nothing when there is nothing new', () => {
    const { hub, write, setState, runDeferred } = hubWithSession();
    const events: string[] = [];
    hub.attach('t1', { update: (text, states) => events.push(`${text}|${states.join(',')}`) });
    events.length = 0;
    write('sleep\r\n');
    setState('running');
    expect(events).toEqual([]);
    runDeferred();
    expect(events).toEqual(['sleep\r\n|running']);
    runDeferred();
    expect(events).toHaveLength(1);
  });

  it('batches a burst of writes into one message per task, in pieces of at most 128 KiB', () => {
    const { hub, write, runDeferred } = hubWithSession();
    const outputs: string[] = [];
    hub.attach('t1', { update: (text) => outputs.push(text) });
    outputs.length = 0;
    const row = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 1001; i++) write(row);
    expect(outputs).toEqual([]);
    runDeferred();
    expect(outputs.map((o) => o.length)).toEqual([100_100]);
    for (let i = 0; i < 1400; i++) write(row);
    runDeferred();
    expect(outputs.slice(1).map((o) => o.length)).toEqual([128 * 1024, 140_000 - 128 * 1024]);
  });
});
