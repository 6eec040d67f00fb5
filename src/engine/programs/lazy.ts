/**
 * Programs whose code is imported on their first run. The package managers
 * and the real runtimes are large and no first command needs them, so the
 * browser's engine worker must not download them before it answers
 * (PRODUCT.md §7). A lazy name is registered at once, so resolution
 * (`command not found`, busybox applets) is unchanged.
 */
import { loading, loadOnce } from '../../os/lazy.js';
import type { ProgramRegistry } from '../context.js';
import { SimpleProgramRegistry } from './registry.js';

/** Registers the programs of a module: what `register` adds under `names` once `load` resolves. */
export type ModuleRegistration = (into: ProgramRegistry) => void;

export function registerLazy(registry: ProgramRegistry, names: readonly string[], load: () => Promise<ModuleRegistration>): void {
  const inner = loadOnce(async () => {
    const programs = new SimpleProgramRegistry();
    (await load())(programs);
    return programs;
  });
  for (const name of names) {
    registry.register(name, async (ctx) => {
      const program = (await loading(ctx.clock, inner())).lookup(name);
      if (!program) throw new Error(`${name}: its module registered no program of that name`);
      return program(ctx);
    });
  }
}

/** Names each lazily loaded module registers (a test checks them against the modules). */
export const PACKAGE_PROGRAMS = ['npm', 'npx', 'pip', 'pip3', 'apt-get', 'apt', 'apk'] as const;
export const NODE_PROGRAMS = ['node', 'nodejs'] as const;
export const PYTHON_PROGRAMS = ['python', 'python3', 'python3.12', 'python3.13', 'python3.14'] as const;

/** Package managers and the Node and Python runtimes, each imported on its first run. */
export function registerLazyPrograms(registry: ProgramRegistry): void {
  registerLazy(registry, PACKAGE_PROGRAMS, () => import('./packages/index.js').then((m) => m.registerPackagePrograms));
  // The real runtimes replace the core stand-ins of the same names.
  registerLazy(registry, NODE_PROGRAMS, () => import('../runtimes/node/index.js').then((m) => (into: ProgramRegistry) => m.registerNodeRuntime(into)));
  registerLazy(registry, PYTHON_PROGRAMS, () => import('../runtimes/python/index.js').then((m) => (into: ProgramRegistry) => m.registerPythonRuntime(into)));
}
