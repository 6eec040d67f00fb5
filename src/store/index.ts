/** The app's one zustand store, made of slices. Only src/store imports zustand. */
import { create } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { createAppSlice, type AppSlice } from './app.js';
import { createTerminalsSlice, type TerminalsSlice } from './terminals.js';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace.js';
import { createLessonsSlice, type LessonsSlice } from './lessons.js';

export type AppState = AppSlice & TerminalsSlice & WorkspaceSlice & LessonsSlice;
export type { Theme, SideTab } from './app.js';
export type { TerminalTab } from './terminals.js';
export type { LessonMode } from './lessons.js';

export const useAppStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createTerminalsSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createLessonsSlice(...a),
}));

/** For selectors that return a fresh object or array: compares shallowly so renders don't loop. */
export function useAppShallow<T>(selector: (state: AppState) => T): T {
  return useAppStore(useShallow(selector));
}
