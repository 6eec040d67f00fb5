import { describe, expect, it } from 'vitest';
import { ellipsis } from './displayText.js';
import { stringWidth } from './displayWidth.js';
import { tabwrite } from './tabwriter.js';

describe('display widths of wide characters (QA)', () => {
  it('measures CJK as two columns, combining marks as none', () => {
    expect(stringWidth('abc')).toBe(3);
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('ｈｉ')).toBe(4);
    expect(stringWidth('e\u0301')).toBe(1);
    expect(stringWidth('…')).toBe(1);
  });

  it('Ellipsis cuts by display columns', () => {
    expect(ellipsis('echo 日本語日本語日本語日本語', 20)).toBe('echo 日本語日本語日…');
    expect(ellipsis('echo 日本語', 20)).toBe('echo 日本語');
    expect(ellipsis('sh -c while true; do echo hi; done', 20)).toBe('sh -c while true; d…');
    expect(ellipsis('日本', 3)).toBe('日…');
  });

  it('pads table cells by display width so columns line up', () => {
    expect(tabwrite('A\tB\n日本語日本語\tx\nab\ty\n')).toBe('A              B\n日本語日本語   x\nab             y\n');
  });
});
