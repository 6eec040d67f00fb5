import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../engine/index.js';
import { formatPs } from './ps.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const golden = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

function row(over: Partial<ContainerSummary>): ContainerSummary {
  return {
    id: '3f2a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeef',
    name: 'web',
    image: 'nginx',
    imageId: 'sha256:' + 'a'.repeat(64),
    command: '/docker-entrypoint.sh nginx -g \'daemon off;\'',
    created: NOW - 90_000,
    state: 'running',
    status: 'Up About a minute',
    ports: [
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
      { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
    ],
    labels: {},
    sizeRw: 1093,
    sizeRootFs: 192_000_000,
    attached: false,
    ...over,
  };
}

const rows = [
  row({}),
  row({
    id: '9c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334455',
    name: 'quirky_turing',
    image: 'node:18',
    command: 'docker-entrypoint.sh node',
    created: NOW - 3 * 3_600_000,
    state: 'exited',
    status: 'Exited (0) 2 hours ago',
    ports: [],
    sizeRw: 0,
  }),
];

describe('formatPs', () => {
  it('renders the default table', () => {
    expect(formatPs(rows, { now: NOW })).toBe(golden('ps-default.golden'));
  });

  it('prints only the header when nothing runs', () => {
    expect(formatPs([], { now: NOW })).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('adds SIZE with the virtual size for -s', () => {
    expect(formatPs(rows, { now: NOW, size: true })).toBe(golden('ps-size.golden'));
  });

  it('prints 12-hex IDs for -q and full ones with --no-trunc', () => {
    expect(formatPs(rows, { now: NOW, quiet: true })).toBe('3f2a1b2c3d4e\n9c1d2e3f4a5b\n');
    expect(formatPs(rows, { now: NOW, quiet: true, noTrunc: true })).toBe(`${rows[0].id}\n${rows[1].id}\n`);
    expect(formatPs(rows.slice(0, 1), { now: NOW, noTrunc: true })).toContain(`"/docker-entrypoint.sh nginx -g 'daemon off;'"`);
  });

  it('writes the default table exactly as its template renders it (direct path for ps -a)', () => {
    const template = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';
    const odd = [...rows, row({ id: 'b'.repeat(64), image: 'sha256:' + 'c'.repeat(64), name: 'odd', command: 'echo "tab\there" 漢字漢字漢字漢字漢字漢字', ports: [{ privatePort: 53, type: 'udp' }] }), row({ image: '' })];
    for (const noTrunc of [false, true]) {
      expect(formatPs(odd, { now: NOW, noTrunc })).toBe(formatPs(odd, { now: NOW, noTrunc, format: template }));
      expect(formatPs(odd, { now: NOW, noTrunc, size: true })).toBe(formatPs(odd, { now: NOW, noTrunc, size: true, format: `${template}\\t{{.Size}}` }));
      expect(formatPs(odd, { now: NOW, noTrunc, format: 'table' })).toBe(formatPs(odd, { now: NOW, noTrunc, format: template }));
    }
  });

  it('supports --format templates with and without table', () => {
    expect(formatPs(rows, { now: NOW, format: '{{.Names}}: {{.Status}}' })).toBe('web: Up About a minute\nquirky_turing: Exited (0) 2 hours ago\n');
    expect(formatPs(rows, { now: NOW, format: 'table {{.Names}}\\t{{.Image}}' })).toBe('NAMES           IMAGE\nweb             nginx\nquirky_turing   node:18\n');
    const json = JSON.parse(formatPs(rows.slice(0, 1), { now: NOW, format: 'json' })) as Record<string, string>;
    expect(json.Names).toBe('web');
    expect(json.Ports).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });
});
