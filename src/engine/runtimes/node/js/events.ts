/** `events` for the sandbox: EventEmitter with Node's error-event rule. A CommonJS module body. */
export const EVENTS_JS = String.raw`
class EventEmitter {
  constructor() { this._events = Object.create(null); this._maxListeners = 10; }
  _list(name) { if (!this._events) this._events = Object.create(null); return this._events[name] || (this._events[name] = []); }
  on(name, fn) { if (this._events && this._events.newListener && name !== 'newListener') this.emit('newListener', name, fn); this._list(name).push(fn); return this; }
  addListener(name, fn) { return this.on(name, fn); }
  prependListener(name, fn) { this._list(name).unshift(fn); return this; }
  once(name, fn) {
    const self = this;
    function wrapper(...args) { self.removeListener(name, wrapper); return fn.apply(self, args); }
    wrapper.listener = fn;
    return this.on(name, wrapper);
  }
  prependOnceListener(name, fn) {
    const self = this;
    function wrapper(...args) { self.removeListener(name, wrapper); return fn.apply(self, args); }
    wrapper.listener = fn;
    return this.prependListener(name, wrapper);
  }
  removeListener(name, fn) {
    const list = this._events && this._events[name];
    if (!list) return this;
    const i = list.findIndex((l) => l === fn || l.listener === fn);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) delete this._events[name];
    if (this._events.removeListener) this.emit('removeListener', name, fn);
    return this;
  }
  off(name, fn) { return this.removeListener(name, fn); }
  removeAllListeners(name) { if (name === undefined) this._events = Object.create(null); else if (this._events) delete this._events[name]; return this; }
  emit(name, ...args) {
    const list = this._events && this._events[name];
    if (!list || list.length === 0) {
      if (name === 'error') {
        const err = args[0];
        if (err instanceof Error) throw err;
        const e = new Error('Unhandled error. (' + require('util').inspect(err) + ')');
        e.code = 'ERR_UNHANDLED_ERROR';
        e.context = err;
        throw e;
      }
      return false;
    }
    for (const fn of list.slice()) fn.apply(this, args);
    return true;
  }
  listeners(name) { return ((this._events && this._events[name]) || []).map((l) => l.listener || l); }
  rawListeners(name) { return ((this._events && this._events[name]) || []).slice(); }
  listenerCount(name) { return ((this._events && this._events[name]) || []).length; }
  eventNames() { return this._events ? Reflect.ownKeys(this._events) : []; }
  setMaxListeners(n) { this._maxListeners = n; return this; }
  getMaxListeners() { return this._maxListeners; }
}
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.once = (emitter, name) => new Promise((resolve, reject) => {
  const onError = (err) => { emitter.removeListener(name, onEvent); reject(err); };
  const onEvent = (...args) => { if (name !== 'error') emitter.removeListener('error', onError); resolve(args); };
  emitter.once(name, onEvent);
  if (name !== 'error') emitter.once('error', onError);
});
module.exports = EventEmitter;
`;
