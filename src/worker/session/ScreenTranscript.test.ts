import { describe, expect, it } from 'vitest';
import { ScreenTranscript } from './ScreenTranscript.js';

describe('ScreenTranscript', () => {
  it('keeps only the final frame of an in-place redraw', () => {
    const screen = new ScreenTranscript();
    screen.write('[+] Building 0.1s (0/2)\r\n => [1/2] FROM node\r\n');
    screen.write('\x1b[2A\r[+] Building 1.2s (2/2) FINISHED\x1b[K\r\n => CACHED [1/2] FROM node\x1b[K\r\n');
    expect(screen.takeAll()).toBe('[+] Building 1.2s (2/2) FINISHED\n => CACHED [1/2] FROM node\n');
  });

  it('strips colours and applies line-editor redraws', () => {
    const screen = new ScreenTranscript();
    screen.write('\x1b[01;32mstudent@slipway\x1b[00m:~$ ac\x1b[1Db\x1b[Jc\r\n');
    expect(screen.takeSettled()).toBe('student@slipway:~$ abc\n');
  });

  it('handles escapes split across writes and ignores clear-screen', () => {
    const screen = new ScreenTranscript();
    screen.write('abc\x1b');
    screen.write('[2Dx\x1b[H\x1b[2J\r\n');
    expect(screen.takeAll()).toBe('axc\n');
  });

  it('hands out old lines as they leave the redraw window', () => {
    const screen = new ScreenTranscript(2);
    screen.write('1\r\n2\r\n3\r\n4');
    expect(screen.take()).toBe('1\n');
    expect(screen.takeSettled()).toBe('2\n3\n');
    expect(screen.takeAll()).toBe('4\n');
  });

  it('erases to the start of the line and to the end of the screen', () => {
    const screen = new ScreenTranscript();
    screen.write('hello\x1b[3D\x1b[1K\r\nsecond\r\nthird\x1b[1A\x1b[3G\x1b[J');
    expect(screen.takeAll()).toBe('   lo\nse\n');
  });
});
