/** alpine, busybox and hello-world: the tiny images. */
import { alpineRoot, busyboxRoot } from './bases.js';
import { PATH_ENV } from './debian.js';
import type { HistoryStep, LayerSpec, RepoSpec } from './types.js';
import { BUILDKIT, KB } from './types.js';

export const ALPINE_VERSION = '3.24.2';
const ALPINE_CREATED = '2026-10-14T15:29:11Z';

export const ALPINE_LAYER: LayerSpec = {
  key: `alpine:${ALPINE_VERSION}`,
  compressed: 3_800 * KB,
  size: 8_470 * KB,
  files: (fs) => alpineRoot(fs, ALPINE_VERSION),
};

export const alpineBase = (): HistoryStep[] => [
  { createdBy: `ADD alpine-minirootfs-${ALPINE_VERSION}-x86_64.tar.gz / # buildkit`, comment: BUILDKIT, layer: ALPINE_LAYER, created: ALPINE_CREATED },
  { createdBy: 'CMD ["/bin/sh"]', comment: BUILDKIT, created: ALPINE_CREATED },
];

export const ALPINE: RepoSpec = {
  path: 'library/alpine',
  images: [{ tags: ['latest', '3', '3.24', ALPINE_VERSION], created: ALPINE_CREATED, config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] }, history: alpineBase() }],
};

const BUSYBOX_CREATED = '2024-09-26T21:31:42Z';
const BUSYBOX_LAYER: LayerSpec = { key: 'busybox:1.37.0-glibc', compressed: 2_150 * KB, size: 4_270 * KB, files: busyboxRoot };

export const BUSYBOX: RepoSpec = {
  path: 'library/busybox',
  images: [
    {
      tags: ['latest', '1', '1.37', '1.37.0'],
      created: BUSYBOX_CREATED,
      config: { Env: [PATH_ENV], Cmd: ['sh'] },
      history: [
        { createdBy: '/bin/sh -c #(nop) ADD file:5d4a1c3b2ad0d82ddf9c4a3b1bfc2e9c7e3c13f0d0aa6a2cbd0c7b7a5d8e9f10 in / ', layer: BUSYBOX_LAYER },
        { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]' },
      ],
    },
  ],
};

const HELLO_CREATED = '2025-08-08T19:05:17Z';
const HELLO_LAYER: LayerSpec = { key: 'hello-world:linux', compressed: 3_960, size: 10_072, files: (fs) => fs.exe('/hello', 'hello') };

export const HELLO_WORLD: RepoSpec = {
  path: 'library/hello-world',
  images: [
    {
      tags: ['latest', 'linux'],
      created: HELLO_CREATED,
      config: { Env: [PATH_ENV], Cmd: ['/hello'] },
      history: [
        { createdBy: 'COPY hello / # buildkit', comment: BUILDKIT, layer: HELLO_LAYER },
        { createdBy: 'CMD ["/hello"]', comment: BUILDKIT },
      ],
    },
  ],
};
