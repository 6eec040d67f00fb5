/**
 * Composition root, terminal first. The engine worker is started before
 * anything else; then terminal 1 opens in index.html's skeleton with xterm
 * alone (src/ui/firstTerminal.ts); React and the rest of the app load once
 * the first command was answered, or after a moment with nobody typing, and
 * adopt that terminal. The styles load with the page, so the skeleton is
 * drawn styled.
 */
import { engineWorker } from './worker/client.js';
import { afterFirstCommand } from './ui/firstCommand.js';
import '@xterm/xterm/css/xterm.css';
import './ui/styles.css';

performance.mark('app-start');
void engineWorker().boot();

/**
 * With nobody typing, React mounts this long after the prompt: long enough to
 * find the prompt and start typing, short enough that the skeleton's buttons
 * come alive before anyone reaches for them.
 */
const MOUNT_IDLE_MS = 1000;

const root = document.getElementById('root');
if (root) {
  void import('./ui/firstTerminal.js').then(({ bootFirstTerminal }) => {
    bootFirstTerminal();
    afterFirstCommand(MOUNT_IDLE_MS, () => void import('./ui/mount.js').then(({ mount }) => mount(root)));
  });
}

// Offline after the first visit; registered once the terminal is up so it never competes with it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = (): void => {
    if (performance.getEntriesByName('terminal-ready').length === 0) {
      setTimeout(register, 200);
      return;
    }
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  window.addEventListener('load', register);
}
