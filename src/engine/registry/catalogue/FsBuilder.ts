/** Assembles a layer's entries; parent directories are added implicitly, as tar writers do. */
import type { LayerEntry } from '../../context.js';

const encoder = new TextEncoder();

export class FsBuilder {
  readonly entries = new Map<string, LayerEntry>();

  dir(path: string, mode = 0o755, uid = 0, gid = 0): this {
    this.parents(path);
    this.entries.set(path, { type: 'dir', mode, uid, gid });
    return this;
  }

  file(path: string, text: string, mode = 0o644, uid = 0, gid = 0): this {
    this.parents(path);
    this.entries.set(path, { type: 'file', data: encoder.encode(text), mode, uid, gid });
    return this;
  }

  /** An executable placeholder naming the program that implements it (see programs/resolve.ts). */
  exe(path: string, program = path.slice(path.lastIndexOf('/') + 1)): this {
    return this.file(path, `#!slipway ${program}\n`, 0o755);
  }

  /** Several placeholders in one directory. */
  exes(dir: string, names: readonly string[]): this {
    for (const name of names) this.exe(`${dir}/${name}`);
    return this;
  }

  link(path: string, target: string): this {
    this.parents(path);
    this.entries.set(path, { type: 'symlink', target });
    return this;
  }

  private parents(path: string): void {
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      const dir = path.slice(0, i);
      if (!this.entries.has(dir)) this.entries.set(dir, { type: 'dir', mode: 0o755, uid: 0, gid: 0 });
    }
  }
}
