import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../store/index.js';

const dark: ITheme = { background: '#11161d', foreground: '#d8dee9', cursor: '#f0c674', selectionBackground: '#3b4a5e' };
const light: ITheme = { background: '#fbfbf8', foreground: '#1d232b', cursor: '#1d63c6', selectionBackground: '#b9d3f5', black: '#1d232b', brightBlack: '#5c6670' };

export function terminalTheme(theme: Theme): ITheme {
  return theme === 'dark' ? dark : light;
}
