/**
 * Loads QuickJS (the wasm build of quickjs-emscripten). The package is
 * imported dynamically on the first `node` run, so Vite splits it out of the
 * first-load bundle and Node (vitest, the headless CLI) resolves the same
 * package. Every process gets its own wasm instance: wasm memory never
 * shrinks, so a shared instance would keep the peak of the greediest script
 * forever, and a script that hits the memory limit cannot damage the heap of
 * the others.
 *
 * Only the release-sync variant is imported (quickjs-emscripten-core plus its
 * one wasm package): the `quickjs-emscripten` entry point refers to all four
 * builds, so a bundler would emit, and the service worker precache, about
 * 3.7 MB of debug and asyncify wasm that never runs.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten';

type Packages = [typeof import('quickjs-emscripten-core'), typeof import('@jitl/quickjs-wasmfile-release-sync')];
/** A compiled `WebAssembly.Module`, spelled through the package's option (the engine's lib has no wasm types). */
type CompiledWasm = NonNullable<Parameters<Packages[0]['newVariant']>[1]['wasmModule']>;

let pkg: Promise<Packages> | undefined;

function loadPackage(): Promise<Packages> {
  pkg ??= Promise.all([import('quickjs-emscripten-core'), import('@jitl/quickjs-wasmfile-release-sync')]).catch((error: unknown) => {
    pkg = undefined;
    throw error;
  });
  return pkg;
}

/** How a bundled host provides the wasm; unset, the package finds its own file. */
export interface QuickJSWasm {
  /** Where the host's bundle emitted the release-sync variant's wasm. */
  readonly url: string;
  /**
   * The compiled module, made once and shared: each process still gets its
   * own instance (its own memory), but skips the fetch and the compile.
   */
  readonly module?: CompiledWasm;
}

let hostWasm: QuickJSWasm | undefined;

/**
 * Set once by a bundled host (the browser worker) before the first run, so
 * the wasm comes from the address the bundler gave it rather than from a path
 * the package guesses relative to a chunk that may have moved.
 */
export function setQuickJSWasm(wasm: QuickJSWasm): void {
  hostWasm = wasm;
}

/** A fresh QuickJS wasm instance (about 75 ms in Node). */
export async function loadQuickJS(): Promise<QuickJSWASMModule> {
  const [core, variant] = await loadPackage();
  const release = variant.default;
  if (hostWasm === undefined) return core.newQuickJSWASMModuleFromVariant(release);
  return core.newQuickJSWASMModuleFromVariant(core.newVariant(release, { wasmLocation: hostWasm.url, wasmModule: hostWasm.module }));
}

/** Bytes of wasm linear memory the instance has grown to (the process's resident heap). */
export function wasmHeapSize(qjs: QuickJSWASMModule): number {
  // Not public API: the emscripten module behind the instance. Without it the memory check is skipped.
  const heap = (qjs as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
  return heap?.length ?? 0;
}
