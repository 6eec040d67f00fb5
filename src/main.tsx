/** Composition root: mounts the app; the engine worker starts on first use. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.js';
import './ui/styles.css';
import { engineWorker } from './worker/client.js';

performance.mark('app-start');
// Start the engine worker now, so its download and boot overlap React's first render.
void engineWorker().boot();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
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
