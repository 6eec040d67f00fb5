import { describe, expect, it } from 'vitest';
import { COMMAND_TREE } from './tree.js';

describe('the lazy command table', () => {
  const entries = [...COMMAND_TREE.groups.flatMap((g) => g.children.map((entry) => ({ path: `${g.name} ${entry.name}`, entry }))), ...[...COMMAND_TREE.topLevel].map(([name, { spec }]) => ({ path: name, entry: spec }))];

  it('lists each command with the name, summary and aliases of the spec its module exports', async () => {
    for (const { path, entry } of entries) {
      const spec = await entry.load();
      expect({ path, name: entry.name, short: entry.short, aliases: entry.aliases ?? [] }).toEqual({ path, name: spec.name, short: spec.short, aliases: spec.aliases ?? [] });
    }
  });

  it('imports a module once: every load of an entry gives the same spec', async () => {
    for (const { entry } of entries) expect(await entry.load()).toBe(await entry.load());
  });
});
