import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter.js';

describe('tabwrite (minwidth 10, padding 3)', () => {
  it('pads every column but the last to max(10, widest + 3)', () => {
    const out = tabwrite('CONTAINER ID\tIMAGE\tNAMES\nabc\tbusybox:latest\tc1\n');
    expect(out).toBe('CONTAINER ID   IMAGE            NAMES\nabc            busybox:latest   c1\n');
  });

  it('keeps empty middle cells padded and never pads the last cell', () => {
    expect(tabwrite('A\tPORTS\tNAMES\nx\t\tweb\n')).toBe('A         PORTS     NAMES\nx                   web\n');
  });

  it('counts … as one column', () => {
    expect(tabwrite('"docker-entrypoint.s…"\tx\n"top"\ty\n')).toBe('"docker-entrypoint.s…"   x\n"top"                    y\n');
  });
});
