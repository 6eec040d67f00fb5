/**
 * What waits for the first command. The first answer is the app's load
 * budget (PRODUCT.md §7: about 650 ms, 250 kB of gzipped JS): panels that
 * are not the terminal load once the first command has been answered, or
 * once the terminal has sat ready for a moment with nobody typing.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';

/** Calls `then` once the first command was answered, or `idleMs` after the terminal became ready; returns a cancel. */
export function afterFirstCommand(idleMs: number, then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let terminalReadyAt: number | undefined;
  const check = (): void => {
    const terminal = performance.getEntriesByName('terminal-ready')[0];
    terminalReadyAt ??= terminal ? performance.now() : undefined;
    const answered = performance.getEntriesByName('first-answer').length > 0;
    if (answered || (terminalReadyAt !== undefined && performance.now() - terminalReadyAt > idleMs)) then();
    else timer = setTimeout(check, 50);
  };
  check();
  return () => clearTimeout(timer);
}

/** True once the first command was answered, or `idleMs` after the terminal became ready. */
export function useAfterFirstCommand(idleMs: number): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => afterFirstCommand(idleMs, () => setReady(true)), [idleMs]);
  return ready;
}

/** Renders a lazily imported panel after the first command; `fallback` holds its place until then. */
export function AfterFirstCommand({ children, fallback = null, idleMs = PANEL_IDLE_MS }: { children: ReactNode; fallback?: ReactNode; idleMs?: number }) {
  const ready = useAfterFirstCommand(idleMs);
  return ready ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}

/** Panels are small next to Monaco: a short pause is enough to stay out of the first command's way. */
const PANEL_IDLE_MS = 300;
