/**
 * What waits for the first command, without React: the boot (main.tsx)
 * loads React itself this way, and deferred.tsx builds its hooks on it. The
 * first answer is the app's load budget (PRODUCT.md §7: about 650 ms, 250 kB
 * of gzipped JS): what is not the terminal loads once the first command has
 * been answered, or once the terminal has sat ready for a moment with nobody
 * typing.
 */
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
    // From the mark itself: React loads after the first terminal, and its panels should not add their wait to the boot's.
    terminalReadyAt ??= performance.getEntriesByName('terminal-ready')[0]?.startTime;
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
