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
import { quickJSWasm } from './hostWasm.js';

export { setQuickJSWasm, type QuickJSWasm } from './hostWasm.js';

type Packages = [typeof import('quickjs-emscripten-core'), typeof import('@jitl/quickjs-wasmfile-release-sync')];

let pkg: Promise<Packages> | undefined;

function loadPackage(): Promise<Packages> {
  pkg ??= Promise.all([import('quickjs-emscripten-core'), import('@jitl/quickjs-wasmfile-release-sync')]).catch((error: unknown) => {
    pkg = undefined;
    throw error;
  });
  return pkg;
}

/** A fresh QuickJS wasm instance (about 75 ms in Node). */
export async function loadQuickJS(): Promise<QuickJSWASMModule> {
  const [core, variant] = await loadPackage();
  const release = variant.default;
  const hostWasm = quickJSWasm();
  if (hostWasm === undefined) return core.newQuickJSWASMModuleFromVariant(release);
  return core.newQuickJSWASMModuleFromVariant(core.newVariant(release, { wasmLocation: hostWasm.url, wasmModule: hostWasm.module }));
}

/** Bytes of wasm linear memory the instance has grown to (the process's resident heap). */
export function wasmHeapSize(qjs: QuickJSWASMModule): number {
  // Not public API: the emscripten module behind the instance. Without it the memory check is skipped.
  const heap = (qjs as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
  return heap?.length ?? 0;
}
