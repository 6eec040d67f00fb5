import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeRig, noEngine } from '../testing/harness.js';
import { flagUsages } from './flagUsages.js';

const golden = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('help', () => {
  it('docker ps --help matches Docker 29 at 80 columns', async () => {
    const rig = makeRig(noEngine());
    expect(await rig.docker(['ps', '--help'])).toBe(0);
    expect(rig.stdout.text).toBe(golden('ps-help.golden'));
  });

  it('wraps descriptions to the terminal width (with pflag slop), and gives up when too narrow', () => {
    const flags = [{ long: 'long-flag-name', kind: 'string' as const, usage: 'one two three four five six seven eight nine ten eleven twelve' }];
    expect(flagUsages(flags, 200)).toBe('      --long-flag-name string   one two three four five six seven eight nine ten eleven twelve');
    expect(flagUsages(flags, 60)).toBe(
      '      --long-flag-name string   one two three four\n                                five six seven eight\n                                nine ten eleven twelve',
    );
    expect(flagUsages(flags, 40)).toBe('      --long-flag-name string   one two three four five six seven eight nine ten eleven twelve');
  });

  it('prints defaults as pflag does: quoted for strings only', () => {
    const out = flagUsages(
      [
        { long: 'pull', kind: 'string', usage: 'Pull', def: 'missing' },
        { long: 'last', short: 'n', kind: 'int', usage: 'Last', def: '-1' },
        { long: 'sig-proxy', kind: 'bool', usage: 'Proxy', def: 'true' },
        { long: 'quiet', kind: 'bool', usage: 'Quiet', def: 'false' },
      ],
      80,
    );
    expect(out).toBe('  -n, --last int      Last (default -1)\n      --pull string   Pull (default "missing")\n      --quiet         Quiet\n      --sig-proxy     Proxy (default true)');
  });
});
