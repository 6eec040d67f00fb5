import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../engine/index.js';
import { formatHistory } from './history.js';
import { formatImageTable, formatImageTree, imageTree } from './images.js';

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

describe('the images view remembered', () => {
  // formatImageTree gives back its last text when the images it shows are unchanged; in any sequence of
  // listings (images come and go, are tagged, untagged, used) it must equal the view made afresh.
  const image = fc.record({
    id: fc.integer({ min: 0, max: 5 }).map((n) => `sha256:${String(n).repeat(64)}`),
    repoTags: fc.uniqueArray(fc.constantFrom('app:v1', 'app:v2', 'nginx:latest', 'node:20', 'a-very-long-name/for-a-repository:tag'), { maxLength: 3 }),
    size: fc.constantFrom(7_800_000, 161_950_000),
    containers: fc.integer({ min: 0, max: 2 }),
  });
  const listing = fc.array(image.map((i): ImageSummary => ({ ...i, repoDigests: [], created: NOW })), { maxLength: 6 });

  // Small edits between two listings: a container starts using an image or stops, a tag moves to a name of
  // the same length, the size changes, an image goes or comes, and the terminal is resized.
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('use' as const), at: fc.nat(), containers: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant('retag' as const), at: fc.nat(), tag: fc.constantFrom('app:v1', 'app:v2', 'app:v3') }),
    fc.record({ kind: fc.constant('size' as const), at: fc.nat(), size: fc.constantFrom(7_800_000, 7_900_000, 161_950_000) }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), image: image.map((i): ImageSummary => ({ ...i, repoDigests: [], created: NOW })) }),
    fc.record({ kind: fc.constant('resize' as const), columns: fc.constantFrom(40, 80, 120) }),
  );

  it('equals the view made afresh after every edit', () => {
    fc.assert(
      fc.property(listing, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        let list = start;
        let columns = 80;
        expect(formatImageTree(list, columns)).toBe(imageTree(list, columns));
        for (const e of edits) {
          // Fresh objects and arrays each time, as the engine lists them.
          list = list.map((i) => ({ ...i, repoTags: [...i.repoTags] }));
          const at = list.length > 0 && 'at' in e ? e.at % list.length : -1;
          if (e.kind === 'use' && at >= 0) list[at] = { ...list[at], containers: e.containers };
          else if (e.kind === 'retag' && at >= 0 && list[at].repoTags.length > 0) list[at] = { ...list[at], repoTags: [e.tag, ...list[at].repoTags.slice(1)] };
          else if (e.kind === 'size' && at >= 0) list[at] = { ...list[at], size: e.size };
          else if (e.kind === 'remove' && at >= 0) list.splice(at, 1);
          else if (e.kind === 'add') list.splice(list.length > 0 ? e.at % list.length : 0, 0, e.image);
          else if (e.kind === 'resize') columns = e.columns;
          expect(formatImageTree(list, columns)).toBe(imageTree(list, columns));
        }
      }),
      { numRuns: 300 },
    );
  });
});
