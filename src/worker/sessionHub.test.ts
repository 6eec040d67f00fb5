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

describe('SessionHub', () => {
  it('sends the output and the states since the last message as one message when the prompt is back, without waiting for the batch', () => {
    const deferred: (() => void)[] = [];
    const hub = new SessionHub((task) => deferred.push(task));
    const events: string[] = [];
    let write: (text: string) => void = () => undefined;
    let setState: (state: SessionStatus) => void = () => undefined;
    hub.add(
      't1',
      (w) => {
        write = w;
        const fake = fakeSession();
        setState = fake.setState;
        return fake.session;
      },
      () => undefined,
    );
    hub.attach('t1', { update: (text, states) => events.push(`${JSON.stringify(text)} ${states.join(',')}`) });
    expect(events).toEqual(['"" prompt']);
    events.length = 0;
    write('\r\n');
    setState('running');
    write('row 1\r\n');
    write('$ ');
    setState('prompt');
    expect(events).toEqual(['"\\r\\nrow 1\\r\\n$ " running,prompt']);
    for (const task of deferred.splice(0)) task();
    expect(events).toHaveLength(1);
  });

  it('sends a state that does not end a command with the next batch, and nothing when there is nothing new', () => {
    const deferred: (() => void)[] = [];
    const hub = new SessionHub((task) => deferred.push(task));
    let write: (text: string) => void = () => undefined;
    let setState: (state: SessionStatus) => void = () => undefined;
    hub.add(
      't1',
      (w) => {
        write = w;
        const fake = fakeSession();
        setState = fake.setState;
        return fake.session;
      },
      () => undefined,
    );
    const events: string[] = [];
    hub.attach('t1', { update: (text, states) => events.push(`${text}|${states.join(',')}`) });
    events.length = 0;
    write('sleep\r\n');
    setState('running');
    expect(events).toEqual([]);
    for (const task of deferred.splice(0)) task();
    expect(events).toEqual(['sleep\r\n|running']);
    for (const task of deferred.splice(0)) task();
    expect(events).toHaveLength(1);
  });

  it('batches a burst of writes into one message per task, in pieces of at most 128 KiB', () => {
    const deferred: (() => void)[] = [];
    const hub = new SessionHub((task) => deferred.push(task));
    let write: (text: string) => void = () => undefined;
    hub.add(
      't1',
      (w) => {
        write = w;
        return fakeSession().session;
      },
      () => undefined,
    );
    const outputs: string[] = [];
    hub.attach('t1', { update: (text) => outputs.push(text) });
    outputs.length = 0;
    const row = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 1001; i++) write(row);
    expect(outputs).toEqual([]);
    for (const task of deferred) task();
    expect(outputs.map((o) => o.length)).toEqual([100_100]);
    for (let i = 0; i < 1400; i++) write(row);
    for (const task of deferred.splice(0)) task();
    expect(outputs.slice(1).map((o) => o.length)).toEqual([128 * 1024, 140_000 - 128 * 1024]);
  });
});
