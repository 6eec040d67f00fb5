import type { StateCreator } from 'zustand';
import type { EngineView } from '../worker/protocol.js';

export type Theme = 'dark' | 'light';

/**
 * The engine panel lists this many images and containers (newest first) until
 * the student asks for all: with 1,000 of each, rendering every row after each
 * command held the page for ~80 ms, in front of the terminal's output.
 */
export const ENGINE_LIST_LIMIT = 50;
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
  /** How many images and containers the engine panel asks the worker for (undefined: all). */
  engineLimit: number | undefined;
  sideTab: SideTab;
  previewPort: number | undefined;
  setTheme(theme: Theme): void;
  setBanner(banner: string | undefined): void;
  setEngine(view: EngineView): void;
  /** The panel lists every image and container from now on (the caller pulls the view again). */
  showAllEngine(): void;
  showPreview(port: number): void;
  setSideTab(tab: SideTab): void;
}

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  theme: 'dark',
  screenReader: false,
  setScreenReader(screenReader) {
    set({ screenReader });
  },
  layout: { lesson: 0.26, editor: 0.47, terminals: 0.55 },
  setLayout(layout) {
    set((s) => ({ layout: { ...s.layout, ...layout } }));
  },
  banner: undefined,
  engine: { images: [], imageCount: 0, containers: [], containerCount: 0, previewPorts: [] },
  engineLimit: ENGINE_LIST_LIMIT,
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
  showAllEngine() {
    set({ engineLimit: undefined });
  },
  showPreview(port) {
    set({ previewPort: port, sideTab: 'preview' });
  },
  setSideTab(sideTab) {
    set({ sideTab });
  },
});
