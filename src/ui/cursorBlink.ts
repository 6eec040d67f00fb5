/**
 * The terminal cursor's blink, driven by a timer instead of xterm's own.
 *
 * xterm's DOM renderer blinks the cursor with an infinite CSS animation of
 * background-color, which Chromium cannot run on the compositor: the page
 * then needs a main-thread frame at every vsync (61 style recalculations a
 * second while idle). Chromium also holds back every task that is not input
 * (a worker's message included) after a key press until the next frame is
 * drawn, so with a frame always pending each command's answer waited for a
 * frame and its paint first (PRODUCT.md §7 round trip). Here the cursor
 * changes twice a second and a key press changes nothing on the page.
 *
 * The class goes on the terminal's host; styles.css hides the focused
 * cursor while it is set. Output shows the cursor again and restarts the
 * phase, as terminals do while text arrives. With reduced motion asked for,
 * the cursor does not blink at all.
 */
const PHASE_MS = 530;
const OFF_CLASS = 'cursor-off';

export interface CursorBlink {
  /** Shows the cursor now and restarts the phase (called when output arrives). */
  wake(): void;
  dispose(): void;
}

export function blinkCursor(host: HTMLElement, textarea: HTMLTextAreaElement | undefined): CursorBlink {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    host.classList.remove(OFF_CLASS);
  };
  const start = () => {
    stop();
    if (reduced) return;
    timer = setInterval(() => host.classList.toggle(OFF_CLASS), PHASE_MS);
  };
  // xterm draws a hollow cursor when unfocused; only the focused one blinks.
  textarea?.addEventListener('focus', start);
  textarea?.addEventListener('blur', stop);
  if (textarea && textarea === textarea.ownerDocument.activeElement) start();
  return {
    wake: () => {
      if (timer !== undefined) start();
    },
    dispose: () => {
      stop();
      textarea?.removeEventListener('focus', start);
      textarea?.removeEventListener('blur', stop);
    },
  };
}

/**
 * Empties xterm's hidden input textarea after text typed as one input event
 * (a paste by the keyboard, an on-screen keyboard, a test's `insertText`):
 * xterm has already sent that text on, but leaves it in the textarea and
 * empties it when Enter is pressed, a change Chromium must lay out and draw
 * before it lets the worker's answer in (see above). Emptied here, during
 * the input's own frame, Enter changes nothing. Not with a screen reader,
 * which is what xterm keeps the text for, nor during IME composition,
 * whose text xterm reads back from the textarea.
 */
export function keepTextareaEmpty(terminal: { readonly textarea: HTMLTextAreaElement | undefined; readonly options: { readonly screenReaderMode?: boolean } }): () => void {
  const textarea = terminal.textarea;
  if (!textarea) return () => undefined;
  const empty = (event: Event) => {
    const input = event as InputEvent;
    if (input.inputType !== 'insertText' || input.isComposing || terminal.options.screenReaderMode) return;
    textarea.value = '';
  };
  textarea.addEventListener('input', empty);
  return () => textarea.removeEventListener('input', empty);
}
