import { describe, expect, it } from 'vitest';
import { parseDetachKeys } from './hijack.js';

describe('parseDetachKeys', () => {
  it('maps ctrl- names and single characters to bytes', () => {
    expect(parseDetachKeys('ctrl-p,ctrl-q')).toBe('\x10\x11');
    expect(parseDetachKeys('ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_')).toBe('\x00\x1b\x1c\x1d\x1e\x1f');
    expect(parseDetachKeys('ctrl-x,x')).toBe('\x18x');
    expect(() => parseDetachKeys('ctrl-xx')).toThrow('invalid detach keys');
  });
});
