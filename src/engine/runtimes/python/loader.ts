/**
 * Loads MicroPython (the wasm build of the PyScript variant). The package is
 * imported dynamically on the first `python` run, so Vite splits it out of the
 * first-load bundle and Node (vitest, the headless CLI) resolves the same
 * package. Each process gets its own interpreter: a runaway allocation or a
 * broken heap stays inside one container.
 *
 * The package keeps its JS-side proxy tables (and the emscripten `Module` its
 * helpers call) on `globalThis`, written by the last `loadMicroPython`. Several
 * interpreters can only coexist if those globals are swapped in before every
 * entry into an interpreter; `PythonVm.enter` does that.
 */
import type { MicroPythonInstance, MicroPythonOptions } from '@micropython/micropython-webassembly-pyscript';
import { microPythonWasmUrl } from './hostWasm.js';

export { setMicroPythonWasmUrl } from './hostWasm.js';

/** Creates an interpreter. Injectable so a host can point at its own copy of the wasm (see `defaultLoader`). */
export type MicroPythonLoader = (options: MicroPythonOptions) => Promise<MicroPythonInstance>;

type Pkg = typeof import('@micropython/micropython-webassembly-pyscript');
let pkg: Promise<Pkg> | undefined;

/**
 * Imports the package once. Without `url` the package finds `micropython.wasm`
 * beside its own module: from node_modules in Node, and wherever the bundler
 * emitted it in a browser (a host that bundles differently passes `url`, or
 * sets it once with `setMicroPythonWasmUrl`).
 */
export function defaultLoader(url?: string): MicroPythonLoader {
  return async (options) => {
    pkg ??= import('@micropython/micropython-webassembly-pyscript').catch((error: unknown) => {
      pkg = undefined;
      throw error;
    });
    const m = await pkg;
    const wasm = url ?? microPythonWasmUrl();
    return m.loadMicroPython(wasm === undefined ? options : { ...options, url: wasm });
  };
}

const REALM_KEYS = ['Module', 'proxy_js_ref', 'proxy_js_ref_next', 'proxy_js_ref_map', 'proxy_js_map', 'proxy_js_existing', 'pyProxyFinalizationRegistry'] as const;
type Realm = Record<(typeof REALM_KEYS)[number], unknown>;
const global = globalThis as unknown as Record<string, unknown>;

function captureRealm(): Realm {
  const realm = {} as Realm;
  for (const key of REALM_KEYS) realm[key] = global[key];
  return realm;
}

function installRealm(realm: Realm): void {
  for (const key of REALM_KEYS) global[key] = realm[key];
}

/** One interpreter with its own copy of the package's global proxy state. */
export class PythonVm {
  private realm: Realm;

  private constructor(readonly mp: MicroPythonInstance) {
    this.realm = captureRealm();
    const module = mp._module as { ccall(name: string, ret: string, types: string[], args: unknown[]): unknown };
    // The package's registry frees proxies through whatever Module is global when GC runs; this one frees in its own interpreter.
    this.realm.pyProxyFinalizationRegistry = new FinalizationRegistry<number>((ref) => {
      this.enter(() => {
        (global.proxy_js_map as Map<number, unknown>).delete(ref);
        module.ccall('proxy_c_free_obj', 'null', ['number'], [ref]);
      });
    });
  }

  static async create(loader: MicroPythonLoader, options: MicroPythonOptions): Promise<PythonVm> {
    const before = captureRealm();
    try {
      const mp = await loader(options);
      return new PythonVm(mp);
    } finally {
      installRealm(before);
    }
  }

  /** Runs `fn` with this interpreter's globals installed; every call into the wasm goes through here. */
  enter<T>(fn: () => T): T {
    const outer = captureRealm();
    installRealm(this.realm);
    try {
      return fn();
    } finally {
      this.realm = captureRealm();
      installRealm(outer);
    }
  }

  /**
   * Starts top-level code that may `await`. The package hands the coroutine to
   * `Promise.resolve`, which would first resume it in a later microtask with
   * whatever globals are installed then; capturing it here lets every resume
   * go through `enter`.
   */
  runAsync(code: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.enter(() => {
        const original = Promise.resolve;
        let thenable: { then(ok: (v: unknown) => void, fail: (e: unknown) => void): unknown } | undefined;
        Promise.resolve = ((value: unknown) => {
          thenable = value as typeof thenable;
          return original.call(Promise, undefined);
        }) as typeof Promise.resolve;
        let result: unknown;
        try {
          result = this.mp.runPythonAsync(code);
        } catch (error) {
          reject(error);
          return;
        } finally {
          Promise.resolve = original;
        }
        if (thenable) thenable.then(resolve, reject);
        else resolve(result);
      });
    });
  }

  run(code: string): unknown {
    return this.enter(() => this.mp.runPython(code));
  }
}
