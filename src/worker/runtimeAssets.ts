/**
 * Tells the engine's runtimes where this bundle put their wasm. A `?url`
 * import only emits the file and yields its address: nothing is fetched until
 * the first `node` or `python` run, so the runtimes stay out of the initial
 * download (the service worker precaches them for offline use).
 *
 * MicroPython needs this: inside a bundled worker it would look for
 * `micropython.wasm` beside the worker script, where there is none.
 * QuickJS's module is compiled once on first use and shared, so every later
 * `node` run only instantiates it (its own memory) instead of fetching and
 * compiling half a megabyte again.
 */
import micropythonWasm from '@micropython/micropython-webassembly-pyscript/micropython.wasm?url';
import quickjsWasm from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import { setMicroPythonWasmUrl } from '../engine/runtimes/python/hostWasm.js';
import { setQuickJSWasm } from '../engine/runtimes/node/hostWasm.js';

let quickjsModule: Promise<WebAssembly.Module> | undefined;

function compiledQuickJS(): Promise<WebAssembly.Module> {
  quickjsModule ??= WebAssembly.compileStreaming(fetch(quickjsWasm)).catch((error: unknown) => {
    // A failed fetch (offline before the precache finished) must not stick: the next run tries again.
    quickjsModule = undefined;
    throw error;
  });
  return quickjsModule;
}

setMicroPythonWasmUrl(micropythonWasm);
setQuickJSWasm({ url: quickjsWasm, module: compiledQuickJS });
