// PLACEHOLDER: replaced by the containers/programs domain (sh, busybox applets, hello-world, nginx, node/python stand-ins).
import type { ProgramRegistry } from '../context.js';

export declare function registerCorePrograms(registry: ProgramRegistry): void;
