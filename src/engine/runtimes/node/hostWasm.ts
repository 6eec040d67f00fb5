/**
 * How a bundled host (the browser worker) provides QuickJS's wasm. Apart
 * from loader.ts so that naming the wasm at start-up does not load the
 * runtime's glue.
 */
/** A compiled `WebAssembly.Module`, spelled through the package's option (the engine's lib has no wasm types). */
type CompiledWasm = NonNullable<Parameters<typeof import('quickjs-emscripten-core')['newVariant']>[1]['wasmModule']>;

let hostWasm: QuickJSWasm | undefined;

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

/**
 * Set once by a bundled host (the browser worker) before the first run, so
 * the wasm comes from the address the bundler gave it rather than from a path
 * the package guesses relative to a chunk that may have moved.
 */
export function setQuickJSWasm(wasm: QuickJSWasm): void {
  hostWasm = wasm;
}

export function quickJSWasm(): QuickJSWasm | undefined {
  return hostWasm;
}
