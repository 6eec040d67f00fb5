import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../context.js';
import { LayerStore } from './LayerStore.js';
import { EMPTY_DIFF_ID, chainIds, computeDiffId } from './diffId.js';
import { sha256Digest } from './digest.js';

const file = (text: string, mode = 0o644): LayerEntry => ({ type: 'file', data: new TextEncoder().encode(text), mode, uid: 0, gid: 0 });

describe('diffIds', () => {
  it('uses the empty-tar diffID for no entries', () => {
    expect(computeDiffId(new Map())).toBe(EMPTY_DIFF_ID);
  });

  it('is stable and independent of insertion order', () => {
    const a = new Map<string, LayerEntry>([['/a', file('1')], ['/b', file('2')]]);
    const b = new Map<string, LayerEntry>([['/b', file('2')], ['/a', file('1')]]);
    expect(computeDiffId(a)).toBe(computeDiffId(b));
    expect(computeDiffId(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes with content, mode and path', () => {
    const base = computeDiffId(new Map([['/a', file('1')]]));
    expect(computeDiffId(new Map([['/a', file('2')]]))).not.toBe(base);
    expect(computeDiffId(new Map([['/a', file('1', 0o755)]]))).not.toBe(base);
    expect(computeDiffId(new Map([['/b', file('1')]]))).not.toBe(base);
  });

  it('computes ChainIDs per the image spec', () => {
    const [a, b] = ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)];
    expect(chainIds([a, b])).toEqual([a, sha256Digest(`${a} ${b}`)]);
  });
});

describe('LayerStore', () => {
  it('dedupes identical content to the same object', () => {
    const store = new LayerStore();
    const one = store.create(new Map([['/x', file('same')]]));
    const two = store.create(new Map([['/x', file('same')]]));
    expect(two).toBe(one);
    expect(one.size).toBe(4);
    expect(store.create(new Map(), 0).diffId).toBe(EMPTY_DIFF_ID);
  });

  it('counts images and frees chains top first', () => {
    const store = new LayerStore();
    const base = store.create(new Map([['/base', file('b')]]));
    const top = store.create(new Map([['/top', file('t')]]));
    store.retain([base]);
    store.retain([base, top]);
    expect(store.refs(base.diffId)).toBe(2);
    const freed = store.release([base, top]);
    expect(freed).toEqual([chainIds([base.diffId, top.diffId])[1]]);
    expect(store.has(top.diffId)).toBe(false);
    expect(store.refs(base.diffId)).toBe(1);
    expect(store.release([base])).toEqual([base.diffId]);
    expect([...store.entries()]).toEqual([]);
  });

  it('caches merged views per chain', () => {
    const store = new LayerStore();
    const base = store.create(new Map([['/etc/a', file('a')]]));
    const v1 = store.view([base]);
    expect(store.view([base])).toBe(v1);
    expect(v1.get('/etc')?.type).toBe('dir');
  });
});

describe('layer serialisation', () => {
  it('round-trips entries through base64 JSON', async () => {
    const { layerFromJson, layerToJson, fromBase64, toBase64 } = await import('./serialize.js');
    for (const n of [0, 1, 2, 3, 4, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    expect(toBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
    const store = new LayerStore();
    const layer = store.create(new Map<string, LayerEntry>([['/a', file('x')], ['/l', { type: 'symlink', target: '/a' }], ['/gone', { type: 'whiteout' }]]));
    const back = layerFromJson(JSON.parse(JSON.stringify(layerToJson(layer))));
    expect(back.diffId).toBe(layer.diffId);
    expect(computeDiffId(back.entries)).toBe(layer.diffId);
  });
});
