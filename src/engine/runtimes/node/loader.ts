/**
 * Loads QuickJS (the wasm build of quickjs-emscripten). The package is
 * imported dynamically on the first `node` run, so Vite splits it out of the
 * first-load bundle and Node (vitest, the headless CLI) resolves the same
 * package. Every process gets its own wasm instance: wasm memory never
 * shrinks, so a shared instance would keep the peak of the greediest script
 * forever, and a script that hits the memory limit cannot damage the heap of
 * the others.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten';

type QuickJSPackage = typeof import('quickjs-emscripten');

let pkg: Promise<QuickJSPackage> | undefined;

function loadPackage(): Promise<QuickJSPackage> {
  pkg ??= import('quickjs-emscripten').catch((error: unknown) => {
    pkg = undefined;
    throw error;
  });
  return pkg;
}

/** Where a host's bundle emitted each quickjs-emscripten variant's wasm; unset, the package finds its own file. */
export interface QuickJSWasmUrls {
  readonly sync?: string;
  readonly asyncify?: string;
}

let hostWasm: QuickJSWasmUrls = {};

/**
 * Set once by a bundled host (the browser worker) before the first run, so
 * the wasm comes from the address the bundler gave it rather than from a path
 * the package guesses relative to a chunk that may have moved.
 */
export function setQuickJSWasmUrls(urls: QuickJSWasmUrls): void {
  hostWasm = urls;
}

/** A fresh QuickJS wasm instance (about 75 ms in Node). */
export async function loadQuickJS(): Promise<QuickJSWASMModule> {
  const m = await loadPackage();
  const variant = hostWasm.sync === undefined ? m.RELEASE_SYNC : m.newVariant(m.RELEASE_SYNC, { wasmLocation: hostWasm.sync });
  return m.newQuickJSWASMModule(variant);
}

/** Bytes of wasm linear memory the instance has grown to (the process's resident heap). */
export function wasmHeapSize(qjs: QuickJSWASMModule): number {
  // Not public API: the emscripten module behind the instance. Without it the memory check is skipped.
  const heap = (qjs as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
  return heap?.length ?? 0;
}
