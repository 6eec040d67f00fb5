import { describe, expect, it } from 'vitest';
import { CancelSource, CollectingOutput, Pipe, SignalEmitter, emptyInput, inputFrom, noSignals, readAll, textDecode, textEncode } from './streams.js';
import type { SignalName } from './process.js';

describe('streams', () => {
  it('a pipe delivers writes in order and EOF after close', async () => {
    const pipe = new Pipe();
    const first = pipe.read();
    pipe.write('a');
    pipe.write('b');
    pipe.write('');
    expect(await first).toBe('a');
    pipe.close();
    pipe.write('dropped');
    expect(await pipe.read()).toBe('b');
    expect(await pipe.read()).toBeNull();
    expect(await pipe.read()).toBeNull();
  });

  it('close wakes pending readers', async () => {
    const pipe = new Pipe();
    const waiting = pipe.read();
    pipe.close();
    expect(await waiting).toBeNull();
    expect(pipe.closed).toBe(true);
  });

  it('readAll, emptyInput, inputFrom, CollectingOutput', async () => {
    expect(await emptyInput.read()).toBeNull();
    expect(await readAll(inputFrom('x\n', '', 'y'))).toBe('x\ny');
    const out = new CollectingOutput();
    out.write('1');
    out.write('2');
    expect(out.text).toBe('12');
    out.clear();
    expect(out.text).toBe('');
  });

  it('text helpers round-trip UTF-8', () => {
    expect(textDecode(textEncode('héllo ✓'))).toBe('héllo ✓');
    expect(textEncode('é').length).toBe(2);
  });

  it('signal emitter delivers to subscribers until they leave', () => {
    const em = new SignalEmitter();
    const got: SignalName[] = [];
    const off = em.on((s) => got.push(s));
    em.emit('SIGINT');
    off();
    em.emit('SIGTERM');
    expect(got).toEqual(['SIGINT']);
    expect(em.listenerCount).toBe(0);
    expect(typeof noSignals.on(() => undefined)).toBe('function');
  });

  it('cancel source fires once, and at once for late listeners', () => {
    const c = new CancelSource();
    let n = 0;
    const off = c.onCancel(() => n++);
    c.onCancel(() => (n += 10));
    off();
    c.cancel();
    c.cancel();
    expect(n).toBe(10);
    expect(c.cancelled).toBe(true);
    c.onCancel(() => (n += 100));
    expect(n).toBe(110);
  });
});
