/**
 * Loads QuickJS (the wasm build of quickjs-emscripten) on the first `node`
 * run and keeps it for every later one. A dynamic import, so Vite splits the
 * runtime out of the first-load bundle and Node (vitest, the headless CLI)
 * resolves the same package.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten';

let pending: Promise<QuickJSWASMModule> | undefined;

export function loadQuickJS(): Promise<QuickJSWASMModule> {
  pending ??= import('quickjs-emscripten').then((m) => m.newQuickJSWASMModule(m.RELEASE_SYNC)).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
