/**
 * One xterm bound to one worker session. The Terminal is created and
 * disposed in the same effect (StrictMode mounts twice; a Terminal made
 * during render would be reused after disposal). The worker replays its
 * scrollback on attach, so a re-mount redraws what was there.
 */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { engineWorker, onEngineRestart, openSession, restartMessage } from '../worker/client.js';
import type { SessionCallbacks } from '../worker/protocol.js';
import { useAppStore } from '../store/index.js';
import { terminalTheme } from './theme.js';
import { afterFirstCommand } from './deferred.js';
import { blinkCursor, keepTextareaEmpty } from './cursorBlink.js';

export function TerminalView({ id, active }: { id: string; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const theme = useAppStore((s) => s.theme);
  const screenReader = useAppStore((s) => s.screenReader);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const terminal = new Terminal({
      // Blinking is ours (cursorBlink.ts): xterm's CSS animation keeps Chromium drawing a frame at every vsync.
      cursorBlink: false,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: terminalTheme(useAppStore.getState().theme),
      screenReaderMode: useAppStore.getState().screenReader,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(el);
    fit.fit();
    term.current = terminal;
    const blink = blinkCursor(el, terminal.textarea);
    const releaseTextarea = keepTextareaEmpty(terminal);
    // Ctrl-C copies when there is a selection, as in most terminal apps; otherwise it is ^C.
    terminal.attachCustomKeyEventHandler((event) => {
      // Tab completes in the shell; Shift+Tab is left to the browser, so the keyboard can always leave a terminal.
      if (event.key === 'Tab' && event.shiftKey) return false;
      const copy = event.type === 'keydown' && event.ctrlKey && (event.key === 'c' || event.key === 'C') && terminal.hasSelection();
      if (copy) {
        void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => undefined);
        terminal.clearSelection();
        return false;
      }
      // Ctrl-V and Ctrl-Shift-V are left to the browser, whose paste event xterm turns into input.
      return !(event.type === 'keydown' && event.ctrlKey && (event.key === 'v' || event.key === 'V' || (event.shiftKey && event.key === 'C')));
    });
    const data = terminal.onData((text) => void engineWorker().input(id, text));
    let disposed = false;
    // Clickable links can wait for the first answer (its download budget, PRODUCT.md §7); they find links on hover, old output included.
    const cancelLinks = afterFirstCommand(1000, () => {
      void import('@xterm/addon-web-links').then(({ WebLinksAddon }) => {
        if (!disposed) terminal.loadAddon(new WebLinksAddon());
      });
    });
    let ran = false;
    const callbacks: SessionCallbacks = {
      update: (text, states) => {
        if (disposed) return;
        // A command ran and the prompt is back (states come in order): the answer is in this text.
        let answered = false;
        for (const status of states) {
          if (status === 'running') ran = true;
          else if (status === 'prompt' && ran) answered = true;
        }
        if (answered && performance.getEntriesByName('first-answer').length === 0) performance.mark('first-answer');
        if (text !== '') blink.wake();
        // One write: the first after a key press is parsed at once; the mark falls when xterm has parsed the whole answer
        // (the round trip's end in `npm run bench:web`; drawn on the next frame).
        terminal.write(
          text,
          answered
            ? () => {
                performance.clearMarks('command-written');
                performance.mark('command-written');
              }
            : undefined,
        );
        for (const status of states) {
          useAppStore.getState().setTerminalStatus(id, status);
          // `exit` (or Ctrl-D at the prompt) closes the tab, as closing a shell closes its window.
          if (status === 'exited') {
            useAppStore.getState().closeTerminal(id);
            void engineWorker().closeSession(id);
          }
        }
      },
    };
    void openSession(id, terminal.cols, terminal.rows, callbacks).then(() => {
      if (!disposed) performance.mark('terminal-ready');
    });
    const offRestart = onEngineRestart((reason) => {
      // The same one line as the banner, at the point where this terminal's output broke off.
      terminal.write(`\r\n\x1b[33m[${restartMessage(reason)}]\x1b[0m\r\n`);
      void openSession(id, terminal.cols, terminal.rows, callbacks);
    });
    let cols = terminal.cols;
    let rows = terminal.rows;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      fit.fit();
      if (terminal.cols !== cols || terminal.rows !== rows) {
        cols = terminal.cols;
        rows = terminal.rows;
        void engineWorker().resize(id, cols, rows);
      }
    });
    observer.observe(el);
    return () => {
      disposed = true;
      blink.dispose();
      releaseTextarea();
      cancelLinks();
      offRestart();
      observer.disconnect();
      data.dispose();
      terminal.dispose();
      term.current = null;
    };
  }, [id]);

  useEffect(() => {
    if (term.current) term.current.options.theme = terminalTheme(theme);
  }, [theme]);

  useEffect(() => {
    if (term.current) term.current.options.screenReaderMode = screenReader;
  }, [screenReader]);

  useEffect(() => {
    if (active) term.current?.focus();
  }, [active]);

  return <div className="terminal-host" data-testid="terminal" data-terminal-id={id} ref={host} hidden={!active} />;
}
