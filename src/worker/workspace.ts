/**
 * The workspace as the editor sees it: the build context directory inside the
 * session file system, addressed by paths relative to it. Changes made from a
 * terminal (`echo > file`, `docker cp`) are noticed by comparing a cheap
 * signature of the tree after each command, since the Vfs has no watch API.
 */
import type { MemFs } from '../os/memfs.js';
import { FsError } from '../os/vfs.js';
import { walkTree } from '../os/walk.js';
import type { Result, WorkspaceEntry, WorkspaceListing } from './protocol.js';

const decoder = new TextDecoder();

export class Workspace {
  private versionValue = 0;
  private signature = '';

  constructor(
    readonly fs: MemFs,
    readonly root: string,
  ) {
    if (!fs.stat(root)) fs.mkdir(root, { recursive: true });
    this.signature = this.computeSignature();
  }

  get version(): number {
    return this.versionValue;
  }

  /** Absolute path for a workspace-relative one; rejects escapes from the root. */
  resolve(relative: string): string {
    const parts: string[] = [];
    for (const part of relative.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') throw new Error(`${relative}: path leaves the workspace`);
      parts.push(part);
    }
    if (parts.length === 0) throw new Error('empty path');
    return `${this.root}/${parts.join('/')}`;
  }

  entries(): WorkspaceEntry[] {
    if (!this.fs.stat(this.root)) return [];
    const out: WorkspaceEntry[] = [];
    for (const entry of walkTree(this.fs, this.root)) {
      if (entry.stat.kind === 'symlink') continue;
      out.push({ path: entry.relative, kind: entry.stat.kind, size: entry.stat.size, mtime: entry.stat.mtime });
    }
    return out;
  }

  listing(): WorkspaceListing {
    return { version: this.versionValue, entries: this.entries() };
  }

  /** Re-reads the tree; true (and a new version) when it changed since last time. */
  refresh(): boolean {
    const next = this.computeSignature();
    if (next === this.signature) return false;
    this.signature = next;
    this.versionValue++;
    return true;
  }

  readText(path: string): Result<string> {
    return this.attempt(() => decoder.decode(this.fs.readFile(this.resolve(path))));
  }

  writeText(path: string, text: string): Result<WorkspaceListing> {
    return this.change(() => {
      const abs = this.resolve(path);
      this.fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
      this.fs.writeFile(abs, text);
    });
  }

  mkdir(path: string): Result<WorkspaceListing> {
    return this.change(() => this.fs.mkdir(this.resolve(path), { recursive: true }));
  }

  rename(from: string, to: string): Result<WorkspaceListing> {
    return this.change(() => {
      const target = this.resolve(to);
      if (this.fs.lstat(target)) throw new Error(`${to}: already exists`);
      this.fs.mkdir(target.slice(0, target.lastIndexOf('/')), { recursive: true });
      this.fs.rename(this.resolve(from), target);
    });
  }

  remove(path: string): Result<WorkspaceListing> {
    return this.change(() => this.fs.rm(this.resolve(path), { recursive: true }));
  }

  /** Every file's text, for persistence. */
  files(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const entry of this.entries()) {
      if (entry.kind === 'file') out[entry.path] = decoder.decode(this.fs.readFile(`${this.root}/${entry.path}`));
    }
    return out;
  }

  /** Replaces the whole tree (a restore or a reset). */
  replace(files: Readonly<Record<string, string>>, dirs: readonly string[] = []): void {
    this.fs.rm(this.root, { recursive: true, force: true });
    this.fs.mkdir(this.root, { recursive: true });
    for (const dir of dirs) this.fs.mkdir(this.resolve(dir), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      const abs = this.resolve(path);
      this.fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true });
      this.fs.writeFile(abs, text);
    }
    this.refresh();
  }

  private change(action: () => void): Result<WorkspaceListing> {
    const result = this.attempt(action);
    if (!result.ok) return result;
    this.refresh();
    return { ok: true, value: this.listing() };
  }

  private attempt<T>(action: () => T): Result<T> {
    try {
      return { ok: true, value: action() };
    } catch (error) {
      if (error instanceof FsError) return { ok: false, error: `${error.path}: ${error.reason}` };
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private computeSignature(): string {
    return this.entries()
      .map((e) => `${e.kind}:${e.path}:${e.size}:${e.mtime}`)
      .join('\n');
  }
}
