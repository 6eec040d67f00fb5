/**
 * Splits terminal input (as xterm's onData or a raw Node stdin delivers it)
 * into keys. Escape sequences are recognised whole; unknown ones are dropped
 * rather than echoed, so a stray function key never litters the line.
 */

export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  | 'tab'
  | 'ctrl-a'
  | 'ctrl-b'
  | 'ctrl-c'
  | 'ctrl-d'
  | 'ctrl-e'
  | 'ctrl-f'
  | 'ctrl-k'
  | 'ctrl-l'
  | 'ctrl-n'
  | 'ctrl-p'
  | 'ctrl-u'
  | 'ctrl-w'
  | 'ignored';

/** Every token keeps the input it came from, so unprocessed input can be held back as typeahead. */
export type KeyToken =
  | { readonly kind: 'text'; readonly text: string; readonly raw: string }
  | { readonly kind: 'key'; readonly name: KeyName; readonly raw: string }
  /** Bracketed paste content, inserted literally (no completion, no key bindings). */
  | { readonly kind: 'paste'; readonly text: string; readonly raw: string };

const CONTROL_KEYS: Readonly<Record<string, KeyName>> = {
  '\x01': 'ctrl-a',
  '\x02': 'ctrl-b',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x05': 'ctrl-e',
  '\x06': 'ctrl-f',
  '\x08': 'backspace',
  '\x09': 'tab',
  '\x0a': 'enter',
  '\x0b': 'ctrl-k',
  '\x0c': 'ctrl-l',
  '\x0d': 'enter',
  '\x0e': 'ctrl-n',
  '\x10': 'ctrl-p',
  '\x15': 'ctrl-u',
  '\x17': 'ctrl-w',
  '\x7f': 'backspace',
};

/** CSI/SS3 sequences by their bytes after ESC. */
const SEQUENCES: Readonly<Record<string, KeyName>> = {
  '[A': 'up',
  '[B': 'down',
  '[C': 'right',
  '[D': 'left',
  OA: 'up',
  OB: 'down',
  OC: 'right',
  OD: 'left',
  '[H': 'home',
  '[F': 'end',
  OH: 'home',
  OF: 'end',
  '[1~': 'home',
  '[7~': 'home',
  '[4~': 'end',
  '[8~': 'end',
  '[3~': 'delete',
  '[1;5D': 'word-left',
  '[1;5C': 'word-right',
  '[1;3D': 'word-left',
  '[1;3C': 'word-right',
  b: 'word-left',
  f: 'word-right',
};

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** Length of the escape sequence starting at `i` (which holds ESC). */
function escapeLength(data: string, i: number): number {
  const next = data[i + 1];
  if (next === undefined) return 1;
  if (next === '[') {
    // CSI: parameters and intermediates, then one final byte in @..~.
    let j = i + 2;
    while (j < data.length && /[0-9;?<=>!"#$%&'()*+,\-./ ]/.test(data[j])) j++;
    return j < data.length ? j - i + 1 : data.length - i;
  }
  if (next === 'O') return Math.min(3, data.length - i);
  return 2;
}

export function tokenize(data: string): KeyToken[] {
  const tokens: KeyToken[] = [];
  let text = '';
  const flush = (): void => {
    if (text) tokens.push({ kind: 'text', text, raw: text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i];
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end < 0 ? data.length : end;
      const next = end < 0 ? data.length : end + PASTE_END.length;
      tokens.push({ kind: 'paste', text: data.slice(i + PASTE_START.length, stop), raw: data.slice(i, next) });
      i = next;
      continue;
    }
    if (ch === '\x1b') {
      flush();
      const len = escapeLength(data, i);
      const name = SEQUENCES[data.slice(i + 1, i + len)] ?? 'ignored';
      tokens.push({ kind: 'key', name, raw: data.slice(i, i + len) });
      i += len;
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') {
      // A pasted Windows line end is one Enter, not two.
      flush();
      tokens.push({ kind: 'key', name: 'enter', raw: '\r\n' });
      i += 2;
      continue;
    }
    const control = CONTROL_KEYS[ch];
    if (control) {
      flush();
      tokens.push({ kind: 'key', name: control, raw: ch });
    } else if (ch >= ' ') {
      text += ch;
    } else {
      flush();
      tokens.push({ kind: 'key', name: 'ignored', raw: ch });
    }
    i++;
  }
  flush();
  return tokens;
}
