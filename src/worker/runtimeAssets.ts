/**
 * Tells the engine's runtimes where this bundle put their wasm. A `?url`
 * import only emits the file and yields its address: nothing is fetched until
 * the first `node` or `python` run, so the runtimes stay out of the initial
 * download (the service worker precaches them for offline use).
 *
 * MicroPython needs this: inside a bundled worker it would look for
 * `micropython.wasm` beside the worker script, where there is none.
 * QuickJS finds its own file under Vite, but naming it here keeps both
 * runtimes on one explicit path.
 */
import micropythonWasm from '@micropython/micropython-webassembly-pyscript/micropython.wasm?url';
import quickjsSyncWasm from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import quickjsAsyncifyWasm from '@jitl/quickjs-wasmfile-release-asyncify/wasm?url';
import { setMicroPythonWasmUrl } from '../engine/runtimes/python/loader.js';
import { setQuickJSWasmUrls } from '../engine/runtimes/node/loader.js';

setMicroPythonWasmUrl(micropythonWasm);
setQuickJSWasmUrls({ sync: quickjsSyncWasm, asyncify: quickjsAsyncifyWasm });
