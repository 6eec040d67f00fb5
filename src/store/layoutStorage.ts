/**
 * Theme, pane sizes and the screen-reader switch live in localStorage: they are needed before the
 * first paint, before IndexedDB (read by the worker) could answer.
 */
import { useAppStore, type AppState } from './index.js';

const KEY = 'slipway.layout.v1';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadLayout(): void {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) {
      const dark = globalThis.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
      useAppStore.setState({ theme: dark });
      return;
    }
    const saved = JSON.parse(raw) as Partial<Pick<AppState, 'theme' | 'layout' | 'screenReader'>>;
    const state = useAppStore.getState();
    useAppStore.setState({
      theme: saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : state.theme,
      layout: { ...state.layout, ...(saved.layout ?? {}) },
      screenReader: saved.screenReader === true,
    });
  } catch {
    // A broken entry only costs the saved layout.
  }
}

export function saveLayoutOnChange(): () => void {
  return useAppStore.subscribe((state, previous) => {
    if (state.theme === previous.theme && state.layout === previous.layout && state.screenReader === previous.screenReader) return;
    try {
      storage()?.setItem(KEY, JSON.stringify({ theme: state.theme, layout: state.layout, screenReader: state.screenReader }));
    } catch {
      // Full or blocked storage: the layout simply is not remembered.
    }
  });
}

export function clearLayout(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
