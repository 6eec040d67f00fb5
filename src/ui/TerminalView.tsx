/**
 * One xterm bound to one worker session (terminalSession.ts). The session is
 * created and disposed in the same effect (StrictMode mounts twice; a
 * Terminal made during render would be reused after disposal). The worker
 * replays its scrollback on attach, so a re-mount redraws what was there.
 * The first terminal was made before React loaded (firstTerminal.ts): it is
 * adopted, not opened again, in a layout effect, which runs in the same task
 * as React's removal of the skeleton: no frame shows the page without it and
 * no key arrives while it is out of the page.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../store/index.js';
import { terminalTheme } from './theme.js';
import { takeFirstTerminal } from './firstTerminal.js';
import { createTerminalSession, type TerminalSession } from './terminalSession.js';

export function TerminalView({ id, active }: { id: string; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const session = useRef<TerminalSession | null>(null);
  const theme = useAppStore((s) => s.theme);
  const screenReader = useAppStore((s) => s.screenReader);

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const adopted = takeFirstTerminal(id);
    if (adopted) adopted.attach(el);
    const current = adopted ?? createTerminalSession(el, id);
    session.current = current;
    return () => {
      current.dispose();
      session.current = null;
    };
  }, [id]);

  useEffect(() => {
    if (session.current) session.current.terminal.options.theme = terminalTheme(theme);
  }, [theme]);

  useEffect(() => {
    if (session.current) session.current.terminal.options.screenReaderMode = screenReader;
  }, [screenReader]);

  useEffect(() => {
    if (active) session.current?.terminal.focus();
  }, [active]);

  return <div className="terminal-host" data-testid="terminal" data-terminal-id={id} ref={host} hidden={!active} />;
}
