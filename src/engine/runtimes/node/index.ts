/**
 * The Node runtime for containers: `node` (and `nodejs`) run real JavaScript
 * in a QuickJS sandbox with a Node-like surface. See PRODUCT.md §4.
 */
import type { ProgramRegistry } from '../../context.js';
import { createNodeProgram } from './program.js';
import type { NodeRuntimeOptions } from './NodeProcess.js';

export { createNodeProgram } from './program.js';
export type { NodeRuntimeOptions } from './NodeProcess.js';
export { loadQuickJS } from './loader.js';

/** Registers `node` and `nodejs`, replacing the stand-in from programs/runtimes.ts. */
export function registerNodeRuntime(registry: ProgramRegistry, options: NodeRuntimeOptions = {}): void {
  const program = createNodeProgram(options);
  registry.register('node', program);
  registry.register('nodejs', program);
}
