/**
 * One xterm bound to one worker session, without React: the boot opens the
 * first terminal this way before React has loaded (firstTerminal.ts), and
 * TerminalView opens the others and adopts the first (its element moves into
 * the React tree; the session is never opened twice).
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { engineWorker, onEngineRestart, openSession, restartMessage, type TerminalLine } from '../worker/client.js';
import type { SessionCallbacks, SessionStatus } from '../worker/protocol.js';
import { useAppStore } from '../store/index.js';
import { terminalTheme } from './theme.js';
import { afterFirstCommand } from './firstCommand.js';
import { blinkCursor, keepTextareaEmpty } from './cursorBlink.js';
import { fittedSize } from './terminalSize.js';

const FONT_FAMILY = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';
const FONT_SIZE = 14;

export interface TerminalSession {
  readonly id: string;
  readonly terminal: Terminal;
  /** Moves the terminal (scrollback, input, session) into another host element; it keeps the focus it had. */
  attach(host: HTMLElement): void;
  dispose(): void;
}

/** Ctrl-C copies when there is a selection, as in most terminal apps; otherwise it is ^C. */
function keyHandler(terminal: Terminal): (event: KeyboardEvent) => boolean {
  return (event) => {
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
  };
}

/**
 * A shell session asked of the worker before its terminal exists: the boot
 * opens terminal 1's session while xterm is still loading and opening (the
 * two run side by side on the page's and the worker's threads), so the
 * prompt is already there when the terminal is. What the session sends
 * meanwhile is held for the terminal.
 */
export interface EarlySession {
  readonly id: string;
  readonly columns: number;
  readonly rows: number;
  /** The session's line: `opened` resolves once the worker has opened the session. */
  readonly line: TerminalLine;
  /** Hands over what was held, then everything that follows. */
  bind(update: SessionCallbacks['update']): void;
}

/** Before the terminal is measured its size is a guess (xterm's default); the terminal sends its own as soon as it knows it. */
export function openEarlySession(id: string, columns = 80, rows = 24): EarlySession {
  let sink: SessionCallbacks['update'] | undefined;
  const held: [string, readonly SessionStatus[]][] = [];
  const callbacks: SessionCallbacks = {
    update: (text, states) => {
      if (sink) sink(text, states);
      else held.push([text, states]);
    },
  };
  return {
    id,
    columns,
    rows,
    line: openSession(id, columns, rows, callbacks),
    bind(update) {
      sink = update;
      for (const [text, states] of held.splice(0)) update(text, states);
    },
  };
}

export function createTerminalSession(host: HTMLElement, id: string, early?: EarlySession): TerminalSession {
  const terminal = new Terminal({
    // Created at the size the fit below will find, not 80×24 and a resize.
    ...fittedSize(host, FONT_FAMILY, FONT_SIZE),
    // Blinking is ours (cursorBlink.ts): xterm's CSS animation keeps Chromium drawing a frame at every vsync.
    cursorBlink: false,
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    scrollback: 5000,
    theme: terminalTheme(useAppStore.getState().theme),
    screenReaderMode: useAppStore.getState().screenReader,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);
  fit.fit();
  const textarea = terminal.textarea;
  let blink = blinkCursor(host, textarea);
  const releaseTextarea = keepTextareaEmpty(terminal);
  terminal.attachCustomKeyEventHandler(keyHandler(terminal));
  // Set below, once the callbacks exist; replaced when the worker restarts.
  let line: TerminalLine | undefined;
  const data = terminal.onData((text) => line?.send(text));
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
      if (answered) {
        if (performance.getEntriesByName('first-answer').length === 0) performance.mark('first-answer');
        // The answer is back from the worker (`npm run bench:web` splits the round trip here from xterm's parse).
        performance.clearMarks('command-received');
        performance.mark('command-received');
      }
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
  const mine = early?.id === id ? early : undefined;
  if (mine) {
    mine.bind(callbacks.update);
    if (mine.columns !== terminal.cols || mine.rows !== terminal.rows) void engineWorker().resize(id, terminal.cols, terminal.rows);
  }
  line = mine?.line ?? openSession(id, terminal.cols, terminal.rows, callbacks);
  void line.opened.then(() => {
    if (!disposed) performance.mark('terminal-ready');
  });
  const offRestart = onEngineRestart((reason) => {
    // The same one line as the banner, at the point where this terminal's output broke off.
    terminal.write(`\r\n\x1b[33m[${restartMessage(reason)}]\x1b[0m\r\n`);
    line?.close();
    line = openSession(id, terminal.cols, terminal.rows, callbacks);
  });
  let el = host;
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
  // Whether the terminal has the focus, known even once its element has left the page (a removed element takes the
  // focus with it and no blur says so): set when xterm's input gets the focus, cleared when anything else does.
  let focused = textarea !== undefined && textarea === document.activeElement;
  const onFocusIn = (event: FocusEvent): void => {
    focused = event.target === textarea;
  };
  document.addEventListener('focusin', onFocusIn);
  return {
    id,
    terminal,
    attach(next) {
      const element = terminal.element;
      if (!element || next === el) return;
      const refocus = focused;
      observer.unobserve(el);
      blink.dispose();
      next.appendChild(element);
      el = next;
      observer.observe(el);
      // In the same task as the move: no key can arrive between, so none is lost.
      if (refocus) terminal.focus();
      blink = blinkCursor(next, textarea);
    },
    dispose() {
      disposed = true;
      document.removeEventListener('focusin', onFocusIn);
      blink.dispose();
      releaseTextarea();
      cancelLinks();
      offRestart();
      line?.close();
      observer.disconnect();
      data.dispose();
      terminal.dispose();
    },
  };
}
