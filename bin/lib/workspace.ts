/**
 * `--workspace DIR`: DIR's files are copied into the in-memory workspace.
 * DIR is only ever read; dependency and VCS folders stay behind, as the
 * student's editor would not show them either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join as hostJoin } from 'node:path';
import type { Vfs } from '../../src/os/vfs.js';

const SKIPPED = new Set(['node_modules', '.git']);

export function loadWorkspace(hostDir: string, fs: Vfs, target: string): number {
  fs.mkdir(target, { recursive: true });
  let files = 0;
  for (const entry of readdirSync(hostDir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const hostPath = hostJoin(hostDir, entry.name);
    const path = `${target}/${entry.name}`;
    if (entry.isDirectory()) {
      files += loadWorkspace(hostPath, fs, path);
    } else if (entry.isFile() || (entry.isSymbolicLink() && statSync(hostPath).isFile())) {
      const mode = statSync(hostPath).mode & 0o777;
      fs.writeFile(path, new Uint8Array(readFileSync(hostPath)), { mode: mode & 0o111 ? 0o755 : 0o644 });
      files++;
    }
  }
  return files;
}
