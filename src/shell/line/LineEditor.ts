/**
 * The terminal's line discipline: turns keystrokes into echo/redraw output and
 * events. One state machine covers the shell prompt (readline-like editing,
 * history, completion, continuation lines), cooked-mode reads by a foreground
 * program (editing only; Enter delivers `line\n`), and raw mode (bytes pass
 * through). While a program runs without reading, input is held back as
 * typeahead, as a tty would, and handed to whoever reads next; only Ctrl-C
 * acts at once.
 */
import { History } from './History.js';
import { tokenize, type KeyName, type KeyToken } from './keys.js';
import { commonPrefix, flattenCommand, formatColumns, moveCursor, visibleWidth, wrapFix } from './display.js';
import { unixWordStart, wordEnd, wordStart } from './words.js';
import type { Completion, EditorMode, LineEditorOptions, LineEvent } from './types.js';

export type { Completer, Completion, EditorMode, LineEditorOptions, LineEvent } from './types.js';

const BELL = '\x07';

export class LineEditor {
  readonly history: History;
  private modeValue: EditorMode = 'busy';
  private columns: number;
  private prompt = '';
  private mainPrompt = '';
  /** Cell where the editable text starts (the prompt's width, or the column a program's read began at). */
  private base = 0;
  private buf = '';
  private cur = 0;
  private echo = true;
  private pendingLines: string[] = [];
  private typeahead = '';
  private historyIndex = 0;
  private draft = '';
  private lastKeyWasTab = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: LineEditorOptions) {
    this.columns = Math.max(1, options.columns ?? 80);
    this.history = options.history ?? new History();
  }

  get mode(): EditorMode {
    return this.modeValue;
  }
  get buffer(): string {
    return this.buf;
  }
  get cursor(): number {
    return this.cur;
  }
  /** Input typed while nobody was reading, not yet processed. */
  get pendingInput(): string {
    return this.typeahead;
  }

  /** Shows the shell prompt and starts editing a new command (typeahead is processed next). */
  showPrompt(prompt: string): void {
    this.mainPrompt = prompt;
    this.startEditing('shell', prompt, visibleWidth(prompt));
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  /** A foreground program reads a line; its own prompt ended at `column`. */
  readLine(column: number): void {
    this.startEditing('cooked', '', column % this.columns);
  }

  /** Raw mode (a `-t` container attached): input passes through; typeahead goes first. */
  setRaw(raw: boolean): void {
    if (raw) {
      this.modeValue = 'raw';
      const held = this.typeahead;
      this.typeahead = '';
      if (held) this.options.onEvent({ type: 'data', data: held });
    } else if (this.modeValue === 'raw') {
      this.modeValue = 'busy';
    }
  }

  /** Nobody is reading: hold input back (a program started, or a read was satisfied). */
  hold(): void {
    if (this.modeValue !== 'raw') this.modeValue = 'busy';
  }

  setEcho(echo: boolean): void {
    this.echo = echo;
  }

  resize(columns: number): void {
    this.columns = Math.max(1, columns);
  }

  /** Feeds terminal input. Resolves once it (and anything queued before it) is processed. */
  feed(data: string): Promise<void> {
    if (this.modeValue === 'raw') {
      this.options.onEvent({ type: 'data', data });
      return this.chain;
    }
    if (this.modeValue === 'busy') {
      this.holdInput(data);
      return this.chain;
    }
    this.chain = this.chain.then(() => this.process(data));
    return this.chain;
  }

  private startEditing(mode: 'shell' | 'cooked', prompt: string, base: number): void {
    this.modeValue = mode;
    this.prompt = prompt;
    this.base = base;
    this.buf = '';
    this.cur = 0;
    this.pendingLines = [];
    this.lastKeyWasTab = false;
    if (prompt) this.options.write(prompt + wrapFix(base, this.columns));
    const held = this.typeahead;
    this.typeahead = '';
    if (held) this.chain = this.chain.then(() => this.process(held));
  }

  /** Typeahead while busy; Ctrl-C still interrupts at once and discards what was typed before it. */
  private holdInput(data: string): void {
    const all = this.typeahead + data;
    const interrupt = all.lastIndexOf('\x03');
    if (interrupt < 0) {
      this.typeahead = all;
      return;
    }
    this.typeahead = all.slice(interrupt + 1);
    this.options.write('^C\r\n');
    this.options.onEvent({ type: 'interrupt' });
  }

  private async process(data: string): Promise<void> {
    const tokens = tokenize(data);
    for (let i = 0; i < tokens.length; i++) {
      const mode = this.modeValue;
      if (mode === 'busy' || mode === 'raw') {
        this.feed(tokens.slice(i).map((t) => t.raw).join(''));
        return;
      }
      await this.handle(tokens[i]);
    }
  }

  private async handle(token: KeyToken): Promise<void> {
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = false;
    if (token.kind === 'text') return this.insert(token.text);
    if (token.kind === 'paste') return this.paste(token.text);
    if (token.name === 'tab') {
      this.lastKeyWasTab = true;
      return this.completeWord(wasTab);
    }
    this.key(token.name);
  }

  /** Pasted newlines act as Enter; what follows a submitted line waits, still literal, for the next reader. */
  private paste(text: string): void {
    const lines = text.replace(/\t/g, ' ').replace(/[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]/g, '').split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) this.key('enter');
      if (this.modeValue === 'busy' || this.modeValue === 'raw') {
        const rest = lines.slice(i).join('\n');
        if (rest) this.feed(`\x1b[200~${rest}\x1b[201~`);
        return;
      }
      if (lines[i]) this.insert(lines[i]);
    }
  }

  private key(name: KeyName): void {
    const shell = this.modeValue === 'shell';
    switch (name) {
      case 'enter':
        return this.enter();
      case 'backspace':
        if (this.cur > 0) this.edit(this.buf.slice(0, this.cur - 1) + this.buf.slice(this.cur), this.cur - 1);
        return;
      case 'delete':
        if (this.cur < this.buf.length) this.edit(this.buf.slice(0, this.cur) + this.buf.slice(this.cur + 1), this.cur);
        return;
      case 'left':
      case 'ctrl-b':
        return this.moveTo(this.cur - 1);
      case 'right':
      case 'ctrl-f':
        return this.moveTo(this.cur + 1);
      case 'home':
      case 'ctrl-a':
        return this.moveTo(0);
      case 'end':
      case 'ctrl-e':
        return this.moveTo(this.buf.length);
      case 'word-left':
        return this.moveTo(wordStart(this.buf, this.cur));
      case 'word-right':
        return this.moveTo(wordEnd(this.buf, this.cur));
      case 'ctrl-u':
        return this.edit(this.buf.slice(this.cur), 0);
      case 'ctrl-k':
        return this.edit(this.buf.slice(0, this.cur), this.cur);
      case 'ctrl-w': {
        const start = unixWordStart(this.buf, this.cur);
        return this.edit(this.buf.slice(0, start) + this.buf.slice(this.cur), start);
      }
      case 'ctrl-c':
        return this.interrupt();
      case 'ctrl-d':
        return this.ctrlD();
      case 'ctrl-l':
        return this.clearScreen();
      case 'up':
      case 'ctrl-p':
        if (shell) this.recall(-1);
        return;
      case 'down':
      case 'ctrl-n':
        if (shell) this.recall(1);
        return;
      default:
        return;
    }
  }

  private enter(): void {
    this.moveTo(this.buf.length);
    if (this.echo) this.options.write('\r\n');
    const line = this.buf;
    if (this.modeValue === 'cooked') return this.deliver({ type: 'line', text: line + '\n' });
    const lines = [...this.pendingLines, line];
    const source = lines.join('\n');
    if (source.trim() === '') return this.showPrompt(this.mainPrompt);
    if (this.options.isComplete && !this.options.isComplete(source)) {
      this.pendingLines = lines;
      this.prompt = this.options.continuationPrompt ?? '> ';
      this.base = visibleWidth(this.prompt);
      this.buf = '';
      this.cur = 0;
      this.options.write(this.prompt + wrapFix(this.base, this.columns));
      return;
    }
    this.history.add(flattenCommand(lines));
    this.deliver({ type: 'submit', source });
  }

  /** Hands a finished line over; the editor holds further input until someone reads again. */
  private deliver(event: LineEvent): void {
    this.modeValue = 'busy';
    this.buf = '';
    this.cur = 0;
    this.pendingLines = [];
    this.options.onEvent(event);
  }

  private interrupt(): void {
    this.moveTo(this.buf.length);
    this.options.write('^C\r\n');
    this.buf = '';
    this.cur = 0;
    if (this.modeValue === 'shell') {
      this.options.onEvent({ type: 'interrupt' });
      // The handler may already have moved on (e.g. shown a new prompt itself).
      if (this.modeValue === 'shell') this.showPrompt(this.mainPrompt);
      return;
    }
    this.options.onEvent({ type: 'interrupt' });
  }

  private ctrlD(): void {
    if (this.buf.length > 0) {
      if (this.modeValue === 'cooked') return this.deliver({ type: 'line', text: this.buf });
      if (this.cur < this.buf.length) this.edit(this.buf.slice(0, this.cur) + this.buf.slice(this.cur + 1), this.cur);
      return;
    }
    if (this.modeValue === 'shell' && this.pendingLines.length > 0) {
      // bash reports the unterminated construct; the shell's parser does that for us.
      return this.deliver({ type: 'submit', source: this.pendingLines.join('\n') });
    }
    this.deliver({ type: 'eof' });
  }

  private clearScreen(): void {
    this.options.write('\x1b[H\x1b[2J');
    this.options.onEvent({ type: 'clear' });
    this.options.write(this.prompt + wrapFix(this.base, this.columns));
    this.redraw(this.buf, this.cur, this.base);
  }

  private recall(direction: -1 | 1): void {
    const next = this.historyIndex + direction;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.buf;
    this.historyIndex = next;
    const text = next === this.history.length ? this.draft : (this.history.at(next) ?? '');
    this.edit(text, text.length);
  }

  private insert(text: string): void {
    if (this.cur === this.buf.length) {
      this.buf += text;
      this.cur = this.buf.length;
      if (this.echo) this.options.write(text + wrapFix(this.base + this.cur, this.columns));
      return;
    }
    this.edit(this.buf.slice(0, this.cur) + text + this.buf.slice(this.cur), this.cur + text.length);
  }

  /** Replaces the buffer and redraws from the start of the editable text. */
  private edit(text: string, cursor: number): void {
    const from = this.cur;
    this.buf = text;
    this.cur = Math.max(0, Math.min(cursor, text.length));
    if (!this.echo) return;
    this.redraw(text, this.cur, this.base + from);
  }

  private redraw(text: string, cursor: number, fromCell: number): void {
    const w = this.columns;
    const end = this.base + text.length;
    let out = moveCursor(fromCell, this.base, w);
    out += text + wrapFix(end, w) + '\x1b[J';
    out += moveCursor(end, this.base + cursor, w);
    this.options.write(out);
  }

  private moveTo(position: number): void {
    const target = Math.max(0, Math.min(position, this.buf.length));
    if (target === this.cur) return;
    if (this.echo) this.options.write(moveCursor(this.base + this.cur, this.base + target, this.columns));
    this.cur = target;
  }

  private async completeWord(secondTab: boolean): Promise<void> {
    if (this.modeValue !== 'shell' || !this.options.complete) return;
    const line = this.buf;
    const cursor = this.cur;
    let result: Completion;
    try {
      result = await this.options.complete(line, cursor);
    } catch {
      return;
    }
    // Input is queued behind us, so the line cannot have changed; the mode can (a Ctrl-C).
    if (this.modeValue !== 'shell' || this.buf !== line) return;
    const candidates = [...new Set(result.candidates)];
    const from = Math.max(0, Math.min(result.replaceFrom, cursor));
    const word = line.slice(from, cursor);
    const replace = (text: string): void => this.edit(line.slice(0, from) + text + line.slice(cursor), from + text.length);
    if (candidates.length === 0) return this.options.write(BELL);
    if (candidates.length === 1) {
      const only = candidates[0];
      return replace(only.endsWith('/') ? only : only + ' ');
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) return replace(prefix);
    if (!secondTab) return this.options.write(BELL);
    this.listCandidates(candidates, result.filenames === true);
  }

  private listCandidates(candidates: readonly string[], filenames: boolean): void {
    const shown = candidates
      .map((c) => (filenames ? c.replace(/^.*\/(?=.)/, '') : c))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const cursor = this.cur;
    this.moveTo(this.buf.length);
    const rows = formatColumns(shown, this.columns);
    this.options.write('\r\n' + rows.join('\r\n') + '\r\n' + this.prompt + wrapFix(this.base, this.columns));
    this.cur = this.buf.length;
    if (this.buf) this.insertRedrawn(cursor);
  }

  private insertRedrawn(cursor: number): void {
    this.options.write(this.buf + wrapFix(this.base + this.buf.length, this.columns));
    this.options.write(moveCursor(this.base + this.buf.length, this.base + cursor, this.columns));
    this.cur = cursor;
  }
}
