/**
 * The file-system contract shared by everything that touches files: the
 * student's workspace (the build context), image layers seen through an
 * overlay, and a container's root filesystem. The shell, the engine and the
 * CLI only ever talk to this interface, so one implementation can be swapped
 * for another (in memory, overlay, IndexedDB-backed) without touching them.
 *
 * Paths are POSIX. Implementations accept absolute paths only; callers
 * resolve relative paths against their own cwd (see `resolvePath`).
 */

/** The kinds of node a path can name. */
export type FileKind = 'file' | 'dir' | 'symlink';

export interface Stat {
  readonly kind: FileKind;
  /** Permission bits, e.g. 0o644 or 0o755 (no file-type bits). */
  readonly mode: number;
  /** Bytes of content for files, 0 for directories, target length for symlinks. */
  readonly size: number;
  /** Milliseconds since the epoch, from the injected clock. Never part of a cache key. */
  readonly mtime: number;
  readonly uid: number;
  readonly gid: number;
}

/** errno-style codes, worded as Linux reports them so messages can be built from them. */
export const FS_ERROR_TEXT = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EROFS: 'Read-only file system',
} as const;

export type FsErrorCode = keyof typeof FS_ERROR_TEXT;

/** Thrown by every Vfs method on failure. `path` is the path the caller passed. */
export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
    readonly syscall = 'open',
  ) {
    super(`${code}: ${FS_ERROR_TEXT[code].toLowerCase()}, ${syscall} '${path}'`);
    this.name = 'FsError';
  }
  /** The text tools such as `cat` print after `cat: <path>: `. */
  get reason(): string {
    return FS_ERROR_TEXT[this.code];
  }
}

export interface WriteOptions {
  /** Append instead of truncating. */
  readonly append?: boolean;
  /** Mode for a newly created file (default 0o644). */
  readonly mode?: number;
}

/** A synchronous POSIX-like file system. Synchronous on purpose: every backing store is in memory. */
export interface Vfs {
  /** Follows symlinks. Returns null when the path does not exist. */
  stat(path: string): Stat | null;
  /** Does not follow a final symlink. */
  lstat(path: string): Stat | null;
  readFile(path: string): Uint8Array;
  /** Creates or truncates (or appends to) a file. The parent directory must exist. */
  writeFile(path: string, data: Uint8Array | string, options?: WriteOptions): void;
  /** With `recursive`, creates parents and tolerates an existing directory. */
  mkdir(path: string, options?: { readonly recursive?: boolean; readonly mode?: number }): void;
  /** Entry names (not paths), sorted by code unit. */
  readdir(path: string): string[];
  /** Removes a file, symlink or (with `recursive`) a tree. `force` ignores a missing path. */
  rm(path: string, options?: { readonly recursive?: boolean; readonly force?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
}
