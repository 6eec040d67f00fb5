// PLACEHOLDER: replaced by the builder domain (npm, pip, apt-get simulations).
import type { ProgramRegistry } from '../../context.js';

export declare function registerPackagePrograms(registry: ProgramRegistry): void;
