/** `readline` on process.stdin for the sandbox: line events, question, the promise API. A CommonJS module body. */
export const READLINE_JS = String.raw`
const EventEmitter = require('events');
class Interface extends EventEmitter {
  constructor(input, output) {
    super();
    if (input && input.input) { output = input.output; input = input.input; }
    this.input = input || process.stdin; this.output = output; this.closed = false; this.line = '';
    this._buf = ''; this._questions = []; this._prompt = '> ';
    this._onData = (chunk) => this._feed(String(chunk));
    this._onEnd = () => { if (this._buf) { const l = this._buf; this._buf = ''; this._line(l); } this.close(); };
    this.input.on('data', this._onData);
    this.input.on('end', this._onEnd);
  }
  _feed(text) {
    this._buf += text;
    let i;
    while (!this.closed && (i = this._buf.indexOf('\n')) >= 0) {
      const line = this._buf.slice(0, i).replace(/\r$/, '');
      this._buf = this._buf.slice(i + 1);
      this._line(line);
    }
  }
  _line(line) {
    const q = this._questions.shift();
    if (q) q(line); else this.emit('line', line);
  }
  setPrompt(p) { this._prompt = p; }
  getPrompt() { return this._prompt; }
  prompt() { if (this.output) this.output.write(this._prompt); }
  write(d) { if (this.output) this.output.write(d); }
  question(query, opts, cb) {
    if (typeof opts === 'function') cb = opts;
    if (this.closed) { const e = new Error('readline was closed'); e.code = 'ERR_USE_AFTER_CLOSE'; throw e; }
    if (this.output) this.output.write(query);
    this._questions.push(cb);
  }
  pause() { this.input.pause(); this.emit('pause'); return this; }
  resume() { this.input.resume(); this.emit('resume'); return this; }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.input.removeListener('data', this._onData);
    this.input.removeListener('end', this._onEnd);
    if (this.input.pause) this.input.pause();
    this.emit('close');
  }
  [Symbol.asyncIterator]() {
    const q = [], waiters = [];
    this.on('line', (l) => { const w = waiters.shift(); if (w) w({ value: l, done: false }); else q.push(l); });
    this.on('close', () => { for (const w of waiters.splice(0)) w({ value: undefined, done: true }); });
    return { next: () => (q.length ? Promise.resolve({ value: q.shift(), done: false }) : this.closed ? Promise.resolve({ value: undefined, done: true }) : new Promise((r) => waiters.push(r))), [Symbol.asyncIterator]() { return this; } };
  }
}
const createInterface = (input, output) => new Interface(input, output);
const promises = {
  Interface,
  createInterface: (input, output) => {
    const rl = new Interface(input, output);
    const q = rl.question.bind(rl);
    rl.question = (query) => new Promise((resolve) => q(query, resolve));
    return rl;
  },
};
module.exports = { createInterface, Interface, promises, emitKeypressEvents: () => undefined, clearLine: () => true, cursorTo: () => true };
`;
