import { describe, expect, it } from 'vitest';
import { TerminalOutput } from './TerminalOutput.js';

describe('TerminalOutput', () => {
  it('turns program line ends into terminal line ends, once', () => {
    let out = '';
    const terminal = new TerminalOutput((text) => (out += text));
    const stream = terminal.stream();
    stream.write('a\n\nb\r\n');
    stream.write('c\r');
    stream.write('\nd');
    expect(out).toBe('a\r\n\r\nb\r\nc\r\nd');
  });

  it('tracks the cursor column, ignoring colours', () => {
    const terminal = new TerminalOutput(() => undefined);
    terminal.stream().write('line\n\x1b[1mName:\x1b[0m ');
    expect(terminal.column).toBe(6);
    expect(terminal.atLineStart).toBe(false);
    terminal.write('\r\n');
    expect(terminal.atLineStart).toBe(true);
  });
});
