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

/** A fresh QuickJS wasm instance (about 75 ms in Node). */
export async function loadQuickJS(): Promise<QuickJSWASMModule> {
  const m = await loadPackage();
  return m.newQuickJSWASMModule(m.RELEASE_SYNC);
}

/** Bytes of wasm linear memory the instance has grown to (the process's resident heap). */
export function wasmHeapSize(qjs: QuickJSWASMModule): number {
  // Not public API: the emscripten module behind the instance. Without it the memory check is skipped.
  const heap = (qjs as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
  return heap?.length ?? 0;
}
