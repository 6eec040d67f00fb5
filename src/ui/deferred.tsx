/**
 * What waits for the first command. The first answer is the app's load
 * budget (PRODUCT.md §7: about 650 ms, 250 kB of gzipped JS): panels that
 * are not the terminal load once the first command has been answered, or
 * once the terminal has sat ready for a moment with nobody typing.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { afterFirstCommand } from './firstCommand.js';

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

/**
 * Panels are small next to Monaco, but the lesson pane (markdown, sanitizer)
 * still costs a fetch and a render: a second covers finding the prompt and
 * starting to type, after which they wait for the first answer.
 */
const PANEL_IDLE_MS = 1000;
