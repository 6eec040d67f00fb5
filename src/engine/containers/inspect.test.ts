import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goTime } from './inspect.js';
import { makeEngine } from './testing/harness.js';

const golden = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

function matchGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

describe('container inspect', () => {
  it('formats Go times', () => {
    expect(goTime(0)).toBe('0001-01-01T00:00:00Z');
    expect(goTime(Date.UTC(2026, 0, 15, 10, 0, 0, 120))).toBe('2026-01-15T10:00:00.12Z');
  });

  it('matches the golden object for a running nginx with a published port', async () => {
    const { containers, clock } = makeEngine();
    containers.create({ image: 'nginx', name: 'web', publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }] });
    clock.advance(1500);
    await containers.start('web');
    matchGolden('inspect-nginx-running.json', `${JSON.stringify([containers.inspect('web')], null, 4)}\n`);
    await containers.stop('web');
    matchGolden('inspect-nginx-exited.json', `${JSON.stringify([containers.inspect('web')], null, 4)}\n`);
  });
});
