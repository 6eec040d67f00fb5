/**
 * Where the host's bundle put `micropython.wasm`. In a bundled worker the
 * package would look beside the worker script, where no such file exists, so
 * the worker names the emitted asset once at start-up (Node needs nothing).
 * Apart from loader.ts so that naming it does not load the interpreter glue.
 */
let hostWasmUrl: string | undefined;

export function setMicroPythonWasmUrl(url: string): void {
  hostWasmUrl = url;
}

export function microPythonWasmUrl(): string | undefined {
  return hostWasmUrl;
}
