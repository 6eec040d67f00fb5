/**
 * The size xterm's fit addon will give a terminal, worked out before xterm
 * exists, so that the terminal is created at that size. Created at xterm's
 * default 80×24 and then fitted, a terminal's first moments on a cold load
 * include a resize: its buffer reflowed and every row drawn twice, ~20 ms of
 * the page's main thread while the first prompt is waited for.
 *
 * The arithmetic is the fit addon's (@xterm/addon-fit 0.11, proposeDimensions)
 * over the DOM renderer's cell (xterm 6, DomRenderer._updateDimensions, with
 * the character measured as xterm's CharSizeService measures it). Should it
 * ever disagree, nothing breaks: the fit that follows resizes, as before.
 */
const MEASURE_REPEAT = 32;
/** xterm's scrollbar (ViewportConstants.DEFAULT_SCROLL_BAR_WIDTH), which the fit addon leaves out when there is scrollback. */
const SCROLLBAR_WIDTH = 14;

export interface TerminalSize {
  readonly cols: number;
  readonly rows: number;
}

export function fittedSize(host: HTMLElement, fontFamily: string, fontSize: number): TerminalSize | undefined {
  const probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  probe.textContent = 'W'.repeat(MEASURE_REPEAT);
  // As xterm's .xterm-char-measure-element.
  probe.style.cssText = `display:inline-block;visibility:hidden;position:absolute;top:0;left:-9999em;line-height:normal;white-space:pre;font-kerning:none;font-family:${fontFamily};font-size:${fontSize}px`;
  host.appendChild(probe);
  const charWidth = probe.offsetWidth / MEASURE_REPEAT;
  const charHeight = probe.offsetHeight;
  probe.remove();
  const style = getComputedStyle(host);
  const width = Math.max(0, parseInt(style.width, 10) - SCROLLBAR_WIDTH);
  const height = parseInt(style.height, 10);
  if (!(charWidth > 0 && charHeight > 0 && width > 0 && height > 0)) return undefined;
  return fitCells({ charWidth, charHeight, width, height, dpr: window.devicePixelRatio || 1 });
}

export interface Measured {
  /** CSS pixels, as measured: one character's advance and the line's height. */
  readonly charWidth: number;
  readonly charHeight: number;
  /** The room for the grid, CSS pixels (the scrollbar taken off). */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

/**
 * Columns and rows such that the fit addon, asked about a terminal of that
 * size, proposes the same. The renderer's CSS cell depends on the grid's own
 * size (the canvas is rounded to whole CSS pixels, then shared out), so this
 * looks for the fixed point; it is found in a step or two.
 */
export function fitCells({ charWidth, charHeight, width, height, dpr }: Measured): TerminalSize {
  const deviceCellWidth = charWidth * dpr;
  const deviceCellHeight = Math.ceil(charHeight * dpr);
  const propose = (size: TerminalSize): TerminalSize => ({
    cols: Math.max(2, Math.floor(width / (Math.round((deviceCellWidth * size.cols) / dpr) / size.cols))),
    rows: Math.max(1, Math.floor(height / (Math.round((deviceCellHeight * size.rows) / dpr) / size.rows))),
  });
  let size = { cols: Math.max(2, Math.floor(width / charWidth)), rows: Math.max(1, Math.floor(height / (deviceCellHeight / dpr))) };
  for (let step = 0; step < 4; step++) {
    const next = propose(size);
    if (next.cols === size.cols && next.rows === size.rows) break;
    size = next;
  }
  return size;
}
