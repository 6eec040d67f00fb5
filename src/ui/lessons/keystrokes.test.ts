import { describe, expect, it } from 'vitest';
import { isKeyLine, keystrokes } from './keystrokes.js';

describe('keystrokes', () => {
  it('sends ^C, ^D and ^P^Q as control characters', () => {
    expect(keystrokes('^C')).toBe('\x03');
    expect(keystrokes(' ^D ')).toBe('\x04');
    expect(keystrokes('^P^Q')).toBe('\x10\x11');
    expect(['^C', '^D', '^P^Q', 'docker ps'].map(isKeyLine)).toEqual([true, true, true, false]);
  });

  it('types any other line as text followed by Enter', () => {
    expect(keystrokes('docker run -it node')).toBe('docker run -it node\r');
    expect(keystrokes('echo ^C')).toBe('echo ^C\r');
  });
});
