import type { StateCreator } from 'zustand';
import type { WorkspaceEntry, WorkspaceListing } from '../worker/protocol.js';

export interface WorkspaceSlice {
  entries: readonly WorkspaceEntry[];
  workspaceVersion: number;
  openFiles: readonly string[];
  activeFile: string | undefined;
  setListing(listing: WorkspaceListing): void;
  openFile(path: string): void;
  closeFile(path: string): void;
  /** Keeps open tabs pointing at a renamed file or folder. */
  renamePath(from: string, to: string): void;
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

export const createWorkspaceSlice: StateCreator<WorkspaceSlice, [], [], WorkspaceSlice> = (set) => ({
  entries: [],
  workspaceVersion: -1,
  openFiles: [],
  activeFile: undefined,
  setListing(listing) {
    set((s) => {
      const files = new Set(listing.entries.filter((e) => e.kind === 'file').map((e) => e.path));
      const openFiles = s.openFiles.filter((f) => files.has(f));
      const activeFile = s.activeFile && files.has(s.activeFile) ? s.activeFile : openFiles[0];
      return { entries: listing.entries, workspaceVersion: listing.version, openFiles, activeFile };
    });
  },
  openFile(path) {
    set((s) => ({ openFiles: s.openFiles.includes(path) ? s.openFiles : [...s.openFiles, path], activeFile: path }));
  },
  closeFile(path) {
    set((s) => {
      const index = s.openFiles.indexOf(path);
      const openFiles = s.openFiles.filter((f) => f !== path);
      const activeFile = s.activeFile === path ? openFiles[Math.max(0, index - 1)] : s.activeFile;
      return { openFiles, activeFile };
    });
  },
  renamePath(from, to) {
    const move = (p: string): string => (under(p, from) ? to + p.slice(from.length) : p);
    set((s) => ({ openFiles: s.openFiles.map(move), activeFile: s.activeFile && move(s.activeFile) }));
  },
});
