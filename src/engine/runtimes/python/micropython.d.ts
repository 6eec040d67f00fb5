/** The parts of the MicroPython wasm package (PyScript variant) this runtime uses; the package ships no types. */
declare module '@micropython/micropython-webassembly-pyscript' {
  export interface MicroPythonOptions {
    stdout?: (bytes: Uint8Array) => void;
    stderr?: (bytes: Uint8Array) => void;
    linebuffer?: boolean;
    heapsize?: number;
    pystack?: number;
    url?: string;
  }
  export interface MicroPythonInstance {
    readonly _module: object;
    /** Emscripten's in-memory file system, which MicroPython's `open()`, `os` and imports use. */
    readonly FS: EmscriptenFs;
    readonly globals: { get(key: string): unknown; set(key: string, value: unknown): void };
    runPython(code: string): unknown;
    runPythonAsync(code: string): unknown;
  }
  export interface EmscriptenFs {
    mkdirTree(path: string): void;
    writeFile(path: string, data: Uint8Array): void;
    readFile(path: string): Uint8Array;
    readdir(path: string): string[];
    isDir(mode: number): boolean;
    stat(path: string): { mode: number };
  }
  export function loadMicroPython(options: MicroPythonOptions): Promise<MicroPythonInstance>;
}
