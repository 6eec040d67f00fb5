import { describe, expect, it } from 'vitest';
import { lineDiff, sameLines, splitLines } from './lineDiff.js';

const compact = (before: string, after: string): string[] => lineDiff(before, after).map((d) => `${d.kind === 'same' ? ' ' : d.kind === 'added' ? '+' : '-'}${d.text}`);

describe('lineDiff', () => {
  it('marks unchanged, removed and added lines in order', () => {
    expect(compact('FROM node\nCOPY . .\nRUN npm install\n', 'FROM node\nCOPY package.json .\nRUN npm install\nCOPY . .\n')).toEqual([
      ' FROM node',
      '-COPY . .',
      '+COPY package.json .',
      ' RUN npm install',
      '+COPY . .',
    ]);
  });

  it('numbers lines on each side', () => {
    expect(lineDiff('a\nb\n', 'b\nc\n')).toEqual([
      { kind: 'removed', text: 'a', before: 1 },
      { kind: 'same', text: 'b', before: 2, after: 1 },
      { kind: 'added', text: 'c', after: 2 },
    ]);
  });

  it('treats a missing file as empty and handles empty sides', () => {
    expect(compact('', 'x\ny')).toEqual(['+x', '+y']);
    expect(compact('x\n', '')).toEqual(['-x']);
    expect(lineDiff('', '')).toEqual([]);
  });

  it('keeps the longest common run (a minimal diff)', () => {
    const diff = lineDiff('a\nb\nc\nd\ne\n', 'x\nb\nc\nd\ny\n');
    expect(diff.filter((d) => d.kind === 'same').map((d) => d.text)).toEqual(['b', 'c', 'd']);
    expect(diff.filter((d) => d.kind !== 'same')).toHaveLength(4);
  });
});

describe('splitLines and sameLines', () => {
  it('ignores one final newline and CRLF endings', () => {
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(sameLines('a\nb', 'a\r\nb\n')).toBe(true);
    expect(sameLines('a\nb', 'a\nc')).toBe(false);
  });
});
