/**
 * Terminal first: the boot opens terminal 1 in index.html's skeleton of the
 * layout before React loads (xterm and the store only), so the prompt and
 * the first command do not wait for React DOM, the app's modules and their
 * first render. TerminalView adopts this session when React mounts; it is
 * never opened twice.
 */
import { loadLayout } from '../store/layoutStorage.js';
import { useAppStore } from '../store/index.js';
import { createTerminalSession, openEarlySession, type EarlySession, type TerminalSession } from './terminalSession.js';

let first: TerminalSession | undefined;
let early: EarlySession | undefined;

/**
 * Asks the worker for terminal 1's shell session at once, without waiting
 * for the page to be parsed or xterm to open: the worker starts the shell
 * while the page opens the terminal, and the prompt is waiting for it.
 */
export function openFirstSession(): void {
  if (early) return;
  loadLayout();
  const id = useAppStore.getState().terminals[0]?.id;
  if (id) early = openEarlySession(id);
}

/** Applies the stored theme and pane sizes to the skeleton and opens terminal 1 in it. */
export function bootFirstTerminal(): void {
  if (!early) loadLayout();
  const { theme, layout, terminals } = useAppStore.getState();
  document.documentElement.dataset.theme = theme;
  const themeButton = document.querySelector('[data-skeleton-theme]');
  if (themeButton) themeButton.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
  // The same grid as App.tsx's, so nothing moves when React replaces the skeleton.
  for (const el of document.querySelectorAll<HTMLElement>('[data-skeleton-split]')) {
    const split = el.dataset.skeletonSplit;
    if (split !== 'lesson' && split !== 'editor' && split !== 'terminals') continue;
    const share = layout[split];
    const tracks = `${share}fr auto ${1 - share}fr`;
    if (split === 'terminals') el.style.gridTemplateRows = tracks;
    else el.style.gridTemplateColumns = tracks;
  }
  const host = document.querySelector<HTMLElement>('[data-skeleton-terminal]');
  const id = terminals[0]?.id;
  if (!host || !id) return;
  host.dataset.terminalId = id;
  first = createTerminalSession(host, id, early);
  early = undefined;
  // As TerminalView does for the active terminal: typing goes to the shell.
  first.terminal.focus();
}

/** The session the boot opened for terminal `id`, once: the caller owns it from then on. */
export function takeFirstTerminal(id: string): TerminalSession | undefined {
  if (first?.id !== id) return undefined;
  const session = first;
  first = undefined;
  return session;
}
