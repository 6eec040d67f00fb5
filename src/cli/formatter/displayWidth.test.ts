import { describe, expect, it } from 'vitest';
import { ellipsis } from './displayText.js';
import fc from 'fast-check';
import { runeWidth, stringWidth } from './displayWidth.js';
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

describe('display widths: the quick paths agree with the tables', () => {
  // Any code point (surrogate pairs included), lone surrogates, and the characters table cells meet most.
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp) => String.fromCodePoint(cp)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('a', ' ', '…', '日', 'é', '\t', '\u0301', '\u200b'),
  );
  const text = fc.string({ unit, maxLength: 24 });

  it('stringWidth is the sum of runeWidth over the code points', () => {
    fc.assert(
      fc.property(text, (s) => {
        let expected = 0;
        for (const ch of s) expected += runeWidth(ch.codePointAt(0)!);
        expect(stringWidth(s)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('Ellipsis of ASCII text keeps max-1 characters and adds …, or keeps text that fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 40 }), fc.integer({ min: -1, max: 30 }), (s, max) => {
        const expected = max <= 0 ? '' : s.length <= max ? s : max === 1 ? s[0] : `${s.slice(0, max - 1)}…`;
        expect(ellipsis(s, max)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
