/**
 * The Python runtime for containers: `python`, `python3` and `python3.x` run
 * real Python in MicroPython (wasm), loaded on first use. See PRODUCT.md §4.
 */
import type { ProgramRegistry } from '../../context.js';
import { createPythonProgram } from './program.js';
import type { PythonRuntimeOptions } from './PythonProcess.js';

export { createPythonProgram, FALLBACK_PYTHON_VERSION } from './program.js';
export type { PythonRuntimeOptions } from './PythonProcess.js';
export { defaultLoader } from './loader.js';
export type { MicroPythonLoader } from './loader.js';

/** Registers `python`, `python3` and the versioned names the catalogue's images ship, replacing the stand-in from programs/runtimes.ts. */
export function registerPythonRuntime(registry: ProgramRegistry, options: PythonRuntimeOptions = {}): void {
  const program = createPythonProgram(options);
  for (const name of ['python', 'python3', 'python3.12', 'python3.13', 'python3.14']) registry.register(name, program);
}
