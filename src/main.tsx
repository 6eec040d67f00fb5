/**
 * Composition root, terminal first. The engine worker is started before
 * anything else; then terminal 1 opens in index.html's skeleton with xterm
 * alone (src/ui/firstTerminal.ts); React and the rest of the app load once
 * the first command was answered, or after a moment with nobody typing, and
 * adopt that terminal. The styles load with the page, so the skeleton is
 * drawn styled. The built page runs this script as soon as it arrives
 * (`async`), so the worker starts before the skeleton is laid out.
 */
import { engineWorker, saveWhenHidden } from './worker/client.js';
import { afterFirstCommand } from './ui/firstCommand.js';
import '@xterm/xterm/css/xterm.css';
import './ui/styles.css';

performance.mark('app-start');
void engineWorker().boot();
saveWhenHidden();

/**
 * With nobody typing, React mounts this long after the prompt: long enough to
 * find the prompt and start typing, short enough that the skeleton's buttons
 * come alive before anyone reaches for them.
 */
const MOUNT_IDLE_MS = 1000;

/** This script is `async` in the built page (vite.config.ts): it may run before the skeleton below it is parsed. */
function whenParsed(then: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
}

const firstTerminal = import('./ui/firstTerminal.js');
// The shell session needs no page: the worker opens it while the page opens xterm.
void firstTerminal.then(({ openFirstSession }) => openFirstSession());
whenParsed(() => {
  const root = document.getElementById('root');
  if (!root) return;
  void firstTerminal.then(({ bootFirstTerminal }) => {
    // A task of its own: opening xterm holds the main thread for a while, and the engine worker's thread cannot start
    // until the main thread has taken the message that its script arrived.
    setTimeout(() => {
      bootFirstTerminal();
      afterFirstCommand(MOUNT_IDLE_MS, () => void import('./ui/mount.js').then(({ mount }) => mount(root)));
    }, 0);
  });
});

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
