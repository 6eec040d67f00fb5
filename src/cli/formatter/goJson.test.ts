import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goJsonIndent } from './goJson.js';

const golden = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('goJsonIndent (daemon JSON with HTML escaping)', () => {
  it('escapes <, > and & inside strings like Go encoding/json', () => {
    const objects = [
      {
        Id: 'abc',
        Config: {
          Cmd: ['sh', '-c', 'echo <b>hi</b> && cat a > b'],
          Env: ['A=1&2', 'LINE=\u2028'],
          Labels: {},
          ExposedPorts: { '80/tcp': {} },
          Tty: false,
          StopTimeout: null,
          Size: 1024,
        },
        Mounts: [],
      },
    ];
    expect(`${goJsonIndent(objects)}\n`).toBe(golden('inspect-html-escape.golden'));
  });

  it('leaves text without those characters as JSON.stringify writes it', () => {
    expect(goJsonIndent({ a: 'x"y\\z\n' }, '  ')).toBe('{\n  "a": "x\\"y\\\\z\\n"\n}');
  });
});
