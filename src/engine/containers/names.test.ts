import { describe, expect, it } from 'vitest';
import type { IdSource } from '../../os/clock.js';
import { SeededIds } from '../../os/testing/virtualClock.js';
import { generateName, NAME_WORDS, randomName, validateContainerName } from './names.js';

/** Replays chosen indexes, to force particular words. */
function scripted(values: number[]): IdSource {
  return { int: () => values.shift() ?? 0, hex64: () => 'f'.repeat(64) };
}

describe('container names', () => {
  it('validates like moby', () => {
    expect(validateContainerName('/web')).toBe('web');
    expect(validateContainerName('my-app_1.2')).toBe('my-app_1.2');
    for (const bad of ['a', 'my app', '-web', '_x', 'wéb', '']) {
      expect(() => validateContainerName(bad)).toThrow(`Invalid container name (${bad}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
  });

  it('uses the full moby word lists', () => {
    expect(NAME_WORDS.left).toHaveLength(108);
    expect(NAME_WORDS.right).toHaveLength(236);
    expect(randomName(new SeededIds(7), 0)).toMatch(/^[a-z]+_[a-z]+$/);
  });

  it('re-rolls boring_wozniak and appends a digit on retries', () => {
    const boring = NAME_WORDS.left.indexOf('boring');
    const wozniak = NAME_WORDS.right.indexOf('wozniak');
    expect(randomName(scripted([boring, wozniak, 0, 0]), 0)).toBe('admiring_agnesi');
    expect(randomName(scripted([0, 0, 7]), 1)).toBe('admiring_agnesi7');
    const taken = new Set(['admiring_agnesi']);
    expect(generateName(scripted([0, 0, 0, 0, 3]), (n) => taken.has(n), 'f'.repeat(64))).toBe('admiring_agnesi3');
    expect(generateName(scripted([]), () => true, 'abcdef0123456789'.repeat(4))).toBe('abcdef012345');
  });
});
