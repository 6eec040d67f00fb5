/**
 * What waits for the first command. The first answer is the app's load
 * budget (PRODUCT.md §7: about 650 ms, 250 kB of gzipped JS): panels that
 * are not the terminal load once the first command has been answered, or
 * once the terminal has sat ready for a moment with nobody typing.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';

/** Someone has typed or pasted into the page: their first command is on its way. */
let typedAt: number | undefined;
if (typeof document !== 'undefined') {
  const typed = (): void => {
    typedAt ??= performance.now();
  };
  for (const type of ['keydown', 'input', 'paste'] as const) document.addEventListener(type, typed, { capture: true, once: true });
}

/**
 * Calls `then` once the first command was answered, or `idleMs` after the
 * terminal became ready if nobody has typed yet; returns a cancel. Once
 * someone types, the answer is waited for (at most TYPED_WAIT_MS, for a
 * first command that runs long), and `then` runs after the frame that
 * shows it, so nothing deferred competes with the first answer.
 */
export function afterFirstCommand(idleMs: number, then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let terminalReadyAt: number | undefined;
  const check = (): void => {
    const terminal = performance.getEntriesByName('terminal-ready')[0];
    terminalReadyAt ??= terminal ? performance.now() : undefined;
    const now = performance.now();
    if (performance.getEntriesByName('first-answer').length > 0) {
      // After the next frame: the answer is drawn before anything else starts.
      frame = requestAnimationFrame(() => (timer = setTimeout(then, 0)));
    } else if (typedAt !== undefined ? now - typedAt > TYPED_WAIT_MS : terminalReadyAt !== undefined && now - terminalReadyAt > idleMs) then();
    else timer = setTimeout(check, 50);
  };
  check();
  return () => {
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

/** How long deferred work waits for the first answer once someone has typed. */
const TYPED_WAIT_MS = 2000;

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
