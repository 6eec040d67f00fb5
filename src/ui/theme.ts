import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../store/index.js';

const dark: ITheme = { background: '#11161d', foreground: '#d8dee9', cursor: '#f0c674', selectionBackground: '#3b4a5e' };
/**
 * xterm's default ANSI colours are made for a dark background: the prompt's bright green is 1.6:1 on
 * this one. Every colour here is at least 4.5:1 on the light background (WCAG AA for text).
 */
const light: ITheme = {
  background: '#fbfbf8',
  foreground: '#1d232b',
  cursor: '#1d63c6',
  selectionBackground: '#b9d3f5',
  black: '#1d232b',
  brightBlack: '#57606a',
  red: '#b42318',
  brightRed: '#a40e26',
  green: '#116329',
  brightGreen: '#1a7f37',
  yellow: '#7d4e00',
  brightYellow: '#633c01',
  blue: '#0550ae',
  brightBlue: '#0969da',
  magenta: '#6639ba',
  brightMagenta: '#8250df',
  cyan: '#0e5f66',
  brightCyan: '#1b6f76',
  white: '#57606a',
  brightWhite: '#424a53',
};

export function terminalTheme(theme: Theme): ITheme {
  return theme === 'dark' ? dark : light;
}
