import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../engine/index.js';
import { formatHistory } from './history.js';
import { formatImageTable, formatImageTree } from './images.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const golden = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

const images: ImageSummary[] = [
  { id: `sha256:87428fc52280${'1'.repeat(52)}`, repoTags: ['myapp:latest', 'myapp:1.0'], repoDigests: [], created: NOW - 120_000, size: 1_093_000_000, containers: 1 },
  { id: `sha256:0263829989b6${'2'.repeat(52)}`, repoTags: [], repoDigests: [], created: NOW - 3 * 86_400_000, size: 187_000_000, containers: 0 },
  {
    id: `sha256:e5330030bdab${'3'.repeat(52)}`,
    repoTags: ['nginx:latest'],
    repoDigests: [`nginx@sha256:${'d'.repeat(64)}`],
    created: NOW - 40 * 86_400_000,
    size: 161_950_000,
    containers: 0,
  },
];

describe('image formatters', () => {
  it('renders the v29 default view sorted by name with untagged last', () => {
    expect(formatImageTree(images)).toBe(golden('images-tree.golden'));
  });

  it('truncates long names to fit the terminal', () => {
    const long = [{ ...images[2], repoTags: ['registry.example.com/some/very/long/repository/name:tag'] }];
    const out = formatImageTree(long, 80).split('\n')[1];
    expect(out.startsWith('registry.example.com/some/...   e5330030bdab')).toBe(true);
  });

  it('renders the classic table, digests and no-trunc', () => {
    expect(formatImageTable(images, { now: NOW })).toBe(golden('images-classic.golden'));
    expect(formatImageTable(images.slice(2), { now: NOW, digests: true })).toBe(
      `REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED       SIZE\nnginx        latest    sha256:${'d'.repeat(64)}   e5330030bdab   5 weeks ago   162MB\n`,
    );
    expect(formatImageTable(images.slice(1, 2), { now: NOW, noTrunc: true, format: '{{.ID}}' })).toBe(`${images[1].id}\n`);
  });

  it('renders history rows with <missing> and 45-column CREATED BY', () => {
    const rows = [
      { id: images[0].id, created: NOW - 120_000, createdBy: 'CMD ["node" "server.js"]', size: 0, comment: 'buildkit.dockerfile.v0' },
      { id: '<missing>', created: NOW - 120_000, createdBy: 'RUN /bin/sh -c npm install --omit=dev && npm cache clean --force # buildkit', size: 12_345_678, comment: 'buildkit.dockerfile.v0' },
    ];
    expect(formatHistory(rows, { now: NOW })).toBe(golden('history.golden'));
  });
});
