import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineEditor, type Completer, type LineEvent } from './LineEditor.js';
import { History } from './History.js';
import { flattenCommand, formatColumns } from './display.js';

function setup(options: { columns?: number; complete?: Completer; isComplete?: (s: string) => boolean; history?: History } = {}) {
  let out = '';
  const events: LineEvent[] = [];
  const editor = new LineEditor({
    write: (text) => (out += text),
    onEvent: (event) => events.push(event),
    columns: options.columns ?? 80,
    complete: options.complete,
    isComplete: options.isComplete,
    history: options.history,
  });
  return {
    editor,
    events,
    output: () => out,
    takeOutput: () => {
      const text = out;
      out = '';
      return text;
    },
  };
}

const submitted = (events: LineEvent[]) => events.filter((e) => e.type === 'submit').map((e) => (e as { source: string }).source);

describe('LineEditor at the shell prompt', () => {
  it('echoes typed text and submits it on Enter', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('echo hi\r');
    expect(t.output()).toBe('$ echo hi\r\n');
    expect(t.events).toEqual([{ type: 'submit', source: 'echo hi' }]);
    expect(t.editor.mode).toBe('busy');
  });

  it('edits in the middle with Home, arrows, Delete, Ctrl-K, Ctrl-U and Ctrl-W', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('world');
    await t.editor.feed('\x1b[Hhello ');
    expect(t.editor.buffer).toBe('hello world');
    expect(t.editor.cursor).toBe(6);
    await t.editor.feed('\x1b[3~');
    expect(t.editor.buffer).toBe('hello orld');
    await t.editor.feed('\x0b');
    expect(t.editor.buffer).toBe('hello ');
    await t.editor.feed('\x1b[F\x7fX');
    expect(t.editor.buffer).toBe('helloX');
    await t.editor.feed(' a b\x17');
    expect(t.editor.buffer).toBe('helloX a ');
    await t.editor.feed('\x1b[D\x1b[D\x15');
    expect(t.editor.buffer).toBe('a ');
    expect(t.editor.cursor).toBe(0);
    await t.editor.feed('\x05!\r');
    expect(submitted(t.events)).toEqual(['a !']);
  });

  it('redraws from the cursor with plain cursor moves', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('ac');
    t.takeOutput();
    await t.editor.feed('\x1b[Db');
    // left one, back to the start of the text, rewrite it, clear the rest, step back to the cursor.
    expect(t.takeOutput()).toBe('\x1b[1D' + '\x1b[1D' + 'abc\x1b[J' + '\x1b[1D');
  });

  it('recalls history with up and down, keeping the draft', async () => {
    const history = new History(3);
    const t = setup({ history });
    for (const cmd of ['one', 'two', 'two', 'three']) {
      t.editor.showPrompt('$ ');
      await t.editor.feed(cmd + '\r');
    }
    expect(history.entries()).toEqual(['one', 'two', 'three']);
    t.editor.showPrompt('$ ');
    await t.editor.feed('dra');
    await t.editor.feed('\x1b[A');
    expect(t.editor.buffer).toBe('three');
    await t.editor.feed('\x1b[A\x1b[A\x1b[A');
    expect(t.editor.buffer).toBe('one');
    await t.editor.feed('\x1b[B\x1b[B\x1b[B');
    expect(t.editor.buffer).toBe('dra');
  });

  it('caps history at its size and skips lines typed with a leading space', () => {
    const history = new History(2, ['a', 'b', ' secret', 'c']);
    expect(history.entries()).toEqual(['b', 'c']);
  });

  it('asks for continuation lines while the source is incomplete', async () => {
    const t = setup({ isComplete: (s) => !s.endsWith('\\') && (s.match(/'/g)?.length ?? 0) % 2 === 0 });
    t.editor.showPrompt('$ ');
    await t.editor.feed("echo 'a\rb'\r");
    expect(t.output()).toBe("$ echo 'a\r\n> b'\r\n");
    expect(submitted(t.events)).toEqual(["echo 'a\nb'"]);
  });

  it('Ctrl-C abandons the line and shows a fresh prompt', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('ls -l\x03');
    expect(t.output()).toBe('$ ls -l^C\r\n$ ');
    expect(t.events).toEqual([{ type: 'interrupt' }]);
    expect(t.editor.buffer).toBe('');
  });

  it('Ctrl-D on an empty line is EOF, otherwise deletes under the cursor', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('ab\x01\x04');
    expect(t.editor.buffer).toBe('b');
    await t.editor.feed('\x0b\x04');
    expect(t.events).toEqual([{ type: 'eof' }]);
  });

  it('Ctrl-L clears the screen and redraws the prompt and line', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('ls');
    t.takeOutput();
    await t.editor.feed('\x0c');
    expect(t.takeOutput()).toBe('\x1b[H\x1b[2J$ ls\x1b[J');
    expect(t.events).toEqual([{ type: 'clear' }]);
  });

  it('an empty Enter just shows the prompt again', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('\r');
    expect(t.output()).toBe('$ \r\n$ ');
    expect(t.events).toEqual([]);
  });

  it('keeps the cursor off the pending-wrap cell when a row fills exactly', async () => {
    const t = setup({ columns: 10 });
    t.editor.showPrompt('$ ');
    await t.editor.feed('12345678');
    expect(t.output()).toBe('$ 12345678\r\n');
    t.takeOutput();
    await t.editor.feed('\x01');
    expect(t.takeOutput()).toBe('\x1b[1A\x1b[2C');
  });
});

describe('LineEditor typeahead and paste', () => {
  it('holds input typed while a command runs and processes it at the next prompt', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('sleep 1\rls\r');
    expect(submitted(t.events)).toEqual(['sleep 1']);
    expect(t.editor.pendingInput).toBe('ls\r');
    t.editor.showPrompt('$ ');
    await t.editor.feed('');
    expect(submitted(t.events)).toEqual(['sleep 1', 'ls']);
  });

  it('Ctrl-C while busy interrupts at once and drops earlier typeahead', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('cat\r');
    await t.editor.feed('junk\x03more');
    expect(t.events.at(-1)).toEqual({ type: 'interrupt' });
    expect(t.editor.pendingInput).toBe('more');
  });

  it('a multi-line bracketed paste runs line by line, later lines waiting their turn', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('\x1b[200~echo a\techo\necho b\n\x1b[201~');
    expect(submitted(t.events)).toEqual(['echo a echo']);
    t.editor.showPrompt('$ ');
    await t.editor.feed('');
    expect(submitted(t.events)).toEqual(['echo a echo', 'echo b']);
    expect(t.editor.pendingInput).toBe('');
  });

  it('a pasted tab does not trigger completion', async () => {
    let calls = 0;
    const t = setup({ complete: async () => (calls++, { replaceFrom: 0, candidates: ['x'] }) });
    t.editor.showPrompt('$ ');
    await t.editor.feed('\x1b[200~a\tb\x1b[201~');
    expect(calls).toBe(0);
    expect(t.editor.buffer).toBe('a b');
  });
});

describe('LineEditor cooked and raw modes', () => {
  it('delivers line+newline to a reading program without history', async () => {
    const history = new History();
    const t = setup({ history });
    t.editor.readLine(17);
    await t.editor.feed('42\r');
    expect(t.events).toEqual([{ type: 'line', text: '42\n' }]);
    expect(t.output()).toBe('42\r\n');
    expect(history.length).toBe(0);
    t.editor.readLine(0);
    await t.editor.feed('\x1b[A');
    expect(t.editor.buffer).toBe('');
  });

  it('Ctrl-D: EOF on an empty line, the partial line otherwise', async () => {
    const t = setup();
    t.editor.readLine(0);
    await t.editor.feed('ab\x04');
    t.editor.readLine(0);
    await t.editor.feed('\x04');
    expect(t.events).toEqual([{ type: 'line', text: 'ab' }, { type: 'eof' }]);
  });

  it('password mode echoes nothing', async () => {
    const t = setup();
    t.editor.setEcho(false);
    t.editor.readLine(10);
    await t.editor.feed('s3cret\x7fT\r');
    expect(t.output()).toBe('');
    expect(t.events).toEqual([{ type: 'line', text: 's3creT\n' }]);
  });

  it('raw mode passes keys through untouched, typeahead first', async () => {
    const t = setup();
    t.editor.showPrompt('$ ');
    await t.editor.feed('docker run -it node\rab');
    t.editor.setRaw(true);
    await t.editor.feed('\x03\x10\x11\x1b[A');
    expect(t.events.slice(1)).toEqual([
      { type: 'data', data: 'ab' },
      { type: 'data', data: '\x03\x10\x11\x1b[A' },
    ]);
  });
});

describe('LineEditor completion', () => {
  const words = ['docker', 'dir/', 'ps', 'pull', 'push'];
  const complete: Completer = async (line, cursor) => {
    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(start, cursor);
    return { replaceFrom: start, candidates: words.filter((w) => w.startsWith(word)) };
  };

  it('completes a single candidate with a space, a directory with nothing', async () => {
    const t = setup({ complete });
    t.editor.showPrompt('$ ');
    await t.editor.feed('doc\t');
    expect(t.editor.buffer).toBe('docker ');
    await t.editor.feed('di\t');
    expect(t.editor.buffer).toBe('docker dir/');
  });

  it('completes the common prefix, rings, then lists on the second Tab', async () => {
    const t = setup({ complete });
    t.editor.showPrompt('$ ');
    await t.editor.feed('docker p');
    t.takeOutput();
    await t.editor.feed('\t');
    expect(t.takeOutput()).toBe('\x07');
    await t.editor.feed('\t');
    expect(t.takeOutput()).toBe('\r\nps    pull  push\r\n$ docker p');
    await t.editor.feed('u\t');
    expect(t.editor.buffer).toBe('docker pu');
    await t.editor.feed('s\t');
    expect(t.editor.buffer).toBe('docker push ');
  });

  it('lays out long lists down the columns like readline', () => {
    const items = Array.from({ length: 7 }, (_, i) => `item${i}`);
    expect(formatColumns(items, 24)).toEqual(['item0  item3  item6', 'item1  item4', 'item2  item5']);
  });
});

describe('flattenCommand', () => {
  it('joins a multi-line loop the way bash history shows it', () => {
    expect(flattenCommand(['for i in 1 2', 'do', 'echo $i', 'done'])).toBe('for i in 1 2; do echo $i; done');
    expect(flattenCommand(['docker run \\', '  -d nginx'])).toBe('docker run -d nginx');
  });
});

describe('LineEditor properties', () => {
  const keyArb = fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.constantFrom('\r', '\x7f', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~', '\x1b[3~', '\x01', '\x05', '\x15', '\x0b', '\x17', '\x0c', '\x03', '\x04', '\t', '\x1b[200~a\nb\x1b[201~', '\x1b', '\x1b[', '\x1b[9'),
  );

  it('never throws and keeps the cursor inside the buffer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(keyArb, { maxLength: 30 }), fc.integer({ min: 5, max: 40 }), async (keys, columns) => {
        const t = setup({ columns, complete: async () => ({ replaceFrom: 0, candidates: ['aa', 'ab'] }), isComplete: (s) => !s.endsWith('\\') });
        t.editor.showPrompt('$ ');
        for (const key of keys) {
          await t.editor.feed(key);
          if (t.editor.mode === 'busy') t.editor.showPrompt('$ ');
          expect(t.editor.cursor).toBeGreaterThanOrEqual(0);
          expect(t.editor.cursor).toBeLessThanOrEqual(t.editor.buffer.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('typing printable text then Enter submits exactly that text', async () => {
    const printable = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /^[\x20-\x7e]+$/.test(s) && s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(printable, fc.integer({ min: 3, max: 100 }), async (text, columns) => {
        const t = setup({ columns });
        t.editor.showPrompt('$ ');
        await t.editor.feed(text + '\r');
        expect(submitted(t.events)).toEqual([text]);
      }),
      { numRuns: 300 },
    );
  });
});
