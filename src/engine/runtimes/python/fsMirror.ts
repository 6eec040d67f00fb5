/**
 * MicroPython's `open()`, `os.listdir()` and imports work on Emscripten's
 * in-memory file system, not on the container's. The script's directory and
 * the working directory are copied in before the run, and files the script
 * created or changed there are copied back to the container afterwards (so
 * `docker cp` or a later `cat` sees them). Files elsewhere are not visible.
 */
import type { EmscriptenFs } from '@micropython/micropython-webassembly-pyscript';
import { join } from '../../../os/path.js';
import type { Vfs } from '../../../os/vfs.js';

const MAX_FILES = 500;
const MAX_BYTES = 8 * 1024 * 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class FsMirror {
  private readonly copied = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(
    private readonly fs: Vfs,
    private readonly mem: EmscriptenFs,
    private readonly roots: readonly string[],
  ) {}

  copyIn(): void {
    for (const root of this.roots) {
      this.mem.mkdirTree(root);
      this.copyDir(root);
    }
  }

  private copyDir(dir: string): void {
    for (const name of this.fs.readdir(dir)) {
      if (this.copied.size >= MAX_FILES || this.bytes >= MAX_BYTES) return;
      const path = join(dir, name);
      if (this.copied.has(path) || name === 'node_modules' || name === '.git' || name === '__pycache__') continue;
      const stat = this.fs.stat(path);
      if (stat?.kind === 'dir') {
        this.mem.mkdirTree(path);
        this.copyDir(path);
      } else if (stat?.kind === 'file') {
        const data = this.fs.readFile(path);
        this.mem.writeFile(path, data);
        this.copied.set(path, data);
        this.bytes += data.length;
      }
    }
  }

  /** Writes back files the script created or changed under the mirrored directories. */
  copyOut(): void {
    for (const root of this.roots) this.copyBack(root);
  }

  private copyBack(dir: string): void {
    let names: string[];
    try {
      names = this.mem.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name === '.' || name === '..') continue;
      const path = join(dir, name);
      if (this.mem.isDir(this.mem.stat(path).mode)) {
        this.copyBack(path);
        continue;
      }
      const data = this.mem.readFile(path);
      const before = this.copied.get(path);
      if (before && sameBytes(before, data)) continue;
      this.fs.mkdir(dir, { recursive: true });
      this.fs.writeFile(path, data);
      this.copied.set(path, data);
    }
  }
}
