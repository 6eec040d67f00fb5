/** The official repositories the simulated hub serves; imported on first need by index.ts. */
import { ALPINE, BUSYBOX, HELLO_WORLD } from './alpine.js';
import { DEBIAN } from './debian.js';
import { NGINX } from './nginx.js';
import { NODE } from './node.js';
import { PYTHON } from './python.js';
import type { RepoSpec } from './types.js';
import { UBUNTU } from './ubuntu.js';

export const REPOSITORIES: readonly RepoSpec[] = [ALPINE, BUSYBOX, HELLO_WORLD, DEBIAN, UBUNTU, NODE, PYTHON, NGINX];
