import type { StateCreator } from 'zustand';
import type { EngineView } from '../worker/protocol.js';

export type Theme = 'dark' | 'light';
export type SideTab = 'engine' | 'preview';

export interface Layout {
  /** Share of the window's width for the lesson pane. */
  readonly lesson: number;
  /** Share of the width right of the lesson pane for the editor column. */
  readonly editor: number;
  /** Share of the right column's height for the terminals. */
  readonly terminals: number;
}

export interface AppSlice {
  theme: Theme;
  /** xterm's screen-reader mode (an accessibility tree and live region for output). */
  screenReader: boolean;
  setScreenReader(on: boolean): void;
  layout: Layout;
  setLayout(layout: Partial<Layout>): void;
  banner: string | undefined;
  engine: EngineView;
  sideTab: SideTab;
  previewPort: number | undefined;
  setTheme(theme: Theme): void;
  setBanner(banner: string | undefined): void;
  setEngine(view: EngineView): void;
  showPreview(port: number): void;
  setSideTab(tab: SideTab): void;
}

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  theme: 'dark',
  screenReader: false,
  setScreenReader(screenReader) {
    set({ screenReader });
  },
  layout: { lesson: 0.28, editor: 0.45, terminals: 0.55 },
  setLayout(layout) {
    set((s) => ({ layout: { ...s.layout, ...layout } }));
  },
  banner: undefined,
  engine: { images: [], containers: [] },
  sideTab: 'engine',
  previewPort: undefined,
  setTheme(theme) {
    set({ theme });
  },
  setBanner(banner) {
    set({ banner });
  },
  setEngine(engine) {
    set({ engine });
  },
  showPreview(port) {
    set({ previewPort: port, sideTab: 'preview' });
  },
  setSideTab(sideTab) {
    set({ sideTab });
  },
});
