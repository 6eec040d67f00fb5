/**
 * Composition root. The engine worker is started before anything else, and
 * the UI (React, xterm) is fetched as a separate chunk meanwhile, so the
 * worker's download and boot overlap the UI's instead of following it.
 */
import { engineWorker } from './worker/client.js';

performance.mark('app-start');
void engineWorker().boot();

const root = document.getElementById('root');
if (root) void import('./ui/mount.js').then(({ mount }) => mount(root));

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
