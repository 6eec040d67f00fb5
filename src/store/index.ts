/** The app's one zustand store, made of slices. Only src/store imports zustand. */
import { create } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { createAppSlice, type AppSlice } from './app.js';
import { createTerminalsSlice, type TerminalsSlice } from './terminals.js';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace.js';

export type AppState = AppSlice & TerminalsSlice & WorkspaceSlice;
export type { Theme, SideTab } from './app.js';
export type { TerminalTab } from './terminals.js';

export const useAppStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createTerminalsSlice(...a),
  ...createWorkspaceSlice(...a),
}));

/** For selectors that return a fresh object or array: compares shallowly so renders don't loop. */
export function useAppShallow<T>(selector: (state: AppState) => T): T {
  return useAppStore(useShallow(selector));
}
