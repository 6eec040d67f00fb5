/**
 * `util` for the sandbox: Node's inspect (the layout rules that decide
 * `[ 2, 4, 6 ]` versus one entry per line, numeric column grouping for long
 * arrays), format (the `%s`/`%d`/`%j`/`%o` directives console.log uses) and
 * promisify. Runs inside QuickJS as a CommonJS module body.
 */
export const UTIL_JS = String.raw`
const kObject = 0, kArray = 1;
const RAW_STACK = Symbol.for('slipway.rawStack');
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function quote(s) {
  let q = "'";
  if (s.includes("'")) q = !s.includes('"') ? '"' : (!s.includes('${'`'}') && !s.includes('$' + '{')) ? '${'`'}' : "'";
  const esc = s.replace(/[\\\n\t\r\b\f\v\x00-\x1f\x7f]/g, (c) => {
    const m = { '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' }[c];
    return m || '\\x' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  });
  return q + (q === "'" ? esc.replace(/'/g, "\\'") : esc) + q;
}

function fnBase(fn) {
  const src = Function.prototype.toString.call(fn);
  if (src.startsWith('class') && /^class\b/.test(src)) return '[class ' + (fn.name || '(anonymous)') + ']';
  let type = 'Function';
  const ctor = Object.getPrototypeOf(fn) && Object.getPrototypeOf(fn).constructor;
  if (ctor && ctor.name === 'AsyncFunction') type = 'AsyncFunction';
  else if (ctor && ctor.name === 'GeneratorFunction') type = 'GeneratorFunction';
  else if (ctor && ctor.name === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
  return '[' + type + (fn.name ? ': ' + fn.name : ' (anonymous)') + ']';
}

// V8's wording for the errors QuickJS raises itself, so messages read as Node prints them.
function nodeMessage(m) {
  return String(m)
    .replace(/^'([^']+)' is not defined$/, '$1 is not defined')
    .replace(/^cannot read property '([^']+)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')")
    .replace(/^cannot set property '([^']+)' of (undefined|null)$/, "Cannot set properties of $2 (setting '$1')")
    .replace(/^not a function$/, 'is not a function')
    .replace(/^stack overflow$/, 'Maximum call stack size exceeded')
    .replace(/^unexpected token in expression: ''$/, 'Unexpected end of input')
    .replace(/^unexpected token in expression: '(.*)'$/, "Unexpected token '$1'")
    .replace(/^unexpected end of string$/, 'Invalid or unexpected token')
    .replace(/^invalid assignment left-hand side$/, 'Invalid left-hand side in assignment');
}

// QuickJS frames as V8 words them: anonymous functions show only their location, and the
// sandbox's own plumbing (native calls, the loader, the event loop) is left out.
function cleanFrames(frames) {
  return frames
    .filter((l) => !/\(native\)$/.test(l) && !/\(node:internal\/(modules|bootstrap|process)[:)]/.test(l))
    .map((l) => l.replace(/^ {4}at <anonymous> \((.*)\)$/, '    at $1').replace(/^ {4}at <eval> \((.*)\)$/, '    at $1'))
    // Line 1 of a CommonJS file carries the loader's function wrapper (61 characters).
    .map((l) => l.replace(/(\/[^():]*[^m]js|\/[^():]*\.cjs):1:(\d+)(\)?)$/, (m, f, c, p) => f + ':1:' + Math.max(1, Number(c) - 61) + (p || '')))
    .slice(0, 10);
}

function errorText(err, raw) {
  const head = (err.name === 'InternalError' && err.message === 'stack overflow' ? 'RangeError' : (err.name || 'Error')) + (err.message ? ': ' + nodeMessage(err.message) : '');
  const own = err[RAW_STACK];
  const stack = typeof own === 'string' ? own : typeof err.stack === 'string' ? err.stack : '';
  if (stack.startsWith(head)) return stack.replace(/\n$/, '');
  const frames = stack.split('\n').filter((l) => l.trim() !== '').map((l) => '    ' + l.trim());
  return [head, ...(raw ? frames : cleanFrames(frames))].join('\n');
}

function formatPrimitive(v, ctx) {
  switch (typeof v) {
    case 'string': return quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
  }
  return String(v);
}

function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const o of output) {
    total += o.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function groupArrayElements(ctx, output, value) {
  let totalLength = 0, maxLength = 0;
  let outputLength = output.length;
  if (ctx.extraEntry) outputLength--;
  const sep = 2, dataLen = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + sep;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + sep;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax), 12, 15);
    if (columns <= 1) return output;
    const tmp = [], maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < outputLength; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + sep);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < outputLength; i++) if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '', j = i;
      for (; j < max - 1; j++) {
        const cell = output[j] + ', ';
        str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
      }
      str += padStart ? output[j].padStart(maxLineLength[j - i] - sep, ' ') : output[j];
      tmp.push(str);
    }
    if (ctx.extraEntry) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}

function reduce(ctx, output, base, braces, type, depth, value) {
  const entries = output.length;
  if (type === kArray && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - depth < ctx.compact && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
    }
  }
  const ind = '\n' + ' '.repeat(ctx.indentationLvl);
  return (base ? base + ' ' : '') + braces[0] + ind + '  ' + output.join(',' + ind + '  ') + ind + braces[1];
}

function keyText(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return IDENT.test(k) ? k : quote(k);
}

function formatProperty(ctx, obj, key, depth, type) {
  const desc = Object.getOwnPropertyDescriptor(obj, key) || { value: obj[key], enumerable: true };
  let str;
  if (desc.value !== undefined || !('get' in desc || 'set' in desc)) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, depth + 1);
    ctx.indentationLvl -= 2;
  } else if (desc.get) str = desc.set ? '[Getter/Setter]' : '[Getter]';
  else str = desc.set ? '[Setter]' : 'undefined';
  if (type === kArray) return str;
  return keyText(key) + ': ' + str;
}

function ctorName(v) {
  let proto = Object.getPrototypeOf(v);
  if (proto === null) return null;
  const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
  return d && typeof d.value === 'function' && d.value.name !== '' ? d.value.name : '';
}

function formatValue(ctx, v, depth) {
  if (v === null) return 'null';
  if (typeof v !== 'object' && typeof v !== 'function') return formatPrimitive(v, ctx);
  if (ctx.customInspect && typeof v[customInspect] === 'function' && v[customInspect] !== inspect) {
    const r = v[customInspect](ctx.depth - depth, ctx, inspect);
    if (r !== v) return typeof r === 'string' ? r : formatValue(ctx, r, depth);
  }
  if (ctx.seen.includes(v)) {
    let idx = ctx.circular.get(v);
    if (idx === undefined) { idx = ctx.circular.size + 1; ctx.circular.set(v, idx); }
    return '[Circular *' + idx + ']';
  }
  return formatRaw(ctx, v, depth);
}

function formatRaw(ctx, v, depth) {
  let keys = Object.keys(v);
  const symbols = Object.getOwnPropertySymbols(v).filter((s) => Object.prototype.propertyIsEnumerable.call(v, s));
  const name = ctorName(v);
  let prefix = name === null ? '[Object: null prototype] ' : (name && name !== 'Object' ? name + ' ' : '');
  let braces = ['{', '}'], base = '', type = kObject, entries = null, extra = 0;
  if (Array.isArray(v)) {
    keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
    braces = [(name === 'Array' ? '' : prefix + '') + (name === 'Array' ? '' : '') + '[', ']'];
    if (name !== 'Array') braces[0] = (name === null ? '[Array(' + v.length + '): null prototype] ' : name + '(' + v.length + ') ') + '[';
    type = kArray;
    if (v.length === 0 && keys.length === 0 && symbols.length === 0) return braces[0] + ']';
  } else if (typeof v === 'function') {
    base = fnBase(v);
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (v instanceof Error) {
    base = errorText(v, ctx.rawFrames);
    if (ctx.indentationLvl !== 0) base = base.split('\n').join('\n' + ' '.repeat(ctx.indentationLvl));
    keys = keys.filter((k) => k !== 'stack' && k !== 'message');
    if (keys.length === 0 && symbols.length === 0) return base;
    if (depth > ctx.depth) return '[' + base.split('\n')[0] + ']';
  } else if (v instanceof RegExp) {
    base = RegExp.prototype.toString.call(v);
    if (keys.length === 0) return base;
  } else if (v instanceof Date) {
    base = isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (keys.length === 0) return base;
  } else if (v instanceof Map) {
    braces = [prefix.replace(/ $/, '') + '(' + v.size + ') {', '}'];
    if (v.size === 0 && keys.length === 0) return braces[0] + '}';
    entries = [];
  } else if (v instanceof Set) {
    braces = [prefix.replace(/ $/, '') + '(' + v.size + ') {', '}'];
    if (v.size === 0 && keys.length === 0) return braces[0] + '}';
    entries = [];
  } else if (typeof v.then === 'function' && v instanceof Promise) {
    return 'Promise { <pending> }';
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    if (v._isBuffer) {
      const hex = [];
      for (let i = 0; i < Math.min(v.length, 50); i++) hex.push(v[i].toString(16).padStart(2, '0'));
      return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
    }
    braces = [name + '(' + v.length + ') [', ']'];
    type = kArray;
    keys = [];
    if (v.length === 0) return braces[0] + ']';
  } else {
    const tag = v[Symbol.toStringTag];
    if (typeof tag === 'string' && tag !== '' && tag !== name) prefix = (name || 'Object') + ' [' + tag + '] ';
    braces[0] = prefix + '{';
    if (keys.length === 0 && symbols.length === 0) return braces[0] + '}';
  }
  if (depth > ctx.depth) {
    return '[' + (Array.isArray(v) ? 'Array' : (name || 'Object')) + ']';
  }
  ctx.seen.push(v);
  ctx.currentDepth = depth;
  const output = [];
  if (type === kArray) {
    const len = Math.min(v.length, ctx.maxArrayLength);
    let holes = 0;
    for (let i = 0; i < len; i++) {
      if (!Object.prototype.hasOwnProperty.call(v, i) && Array.isArray(v)) { holes++; continue; }
      if (holes) { output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
      output.push(formatProperty(ctx, v, i, depth, kArray));
    }
    if (holes) output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
    if (v.length > len) { extra = v.length - len; }
  } else if (entries) {
    ctx.indentationLvl += 2;
    if (v instanceof Map) for (const [k, val] of v) output.push(formatValue(ctx, k, depth + 1) + ' => ' + formatValue(ctx, val, depth + 1));
    else for (const item of v) output.push(formatValue(ctx, item, depth + 1));
    ctx.indentationLvl -= 2;
  }
  for (const k of keys) output.push(formatProperty(ctx, v, k, depth, kObject));
  for (const s of symbols) output.push(formatProperty(ctx, v, s, depth, kObject));
  if (extra) { output.push('... ' + extra + ' more item' + (extra > 1 ? 's' : '')); }
  ctx.seen.pop();
  ctx.extraEntry = extra > 0;
  let res = reduce(ctx, output, base, braces, type, depth, v);
  ctx.extraEntry = false;
  const idx = ctx.circular.get(v);
  if (idx !== undefined) res = '<ref *' + idx + '> ' + res;
  return res;
}

function inspect(value, opts) {
  const ctx = { depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, customInspect: true, indentationLvl: 0, currentDepth: 0, seen: [], circular: new Map(), extraEntry: false, rawFrames: false };
  if (opts && typeof opts === 'object') {
    for (const k of ['depth', 'breakLength', 'compact', 'maxArrayLength', 'customInspect', 'rawFrames']) if (opts[k] !== undefined) ctx[k] = opts[k];
    if (ctx.depth === null) ctx.depth = Infinity;
  }
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspect;

function format(...args) {
  let out = '';
  let a = 0;
  if (typeof args[0] === 'string') {
    const f = args[0];
    a = 1;
    let last = 0;
    for (let i = 0; i < f.length - 1; i++) {
      if (f[i] !== '%') continue;
      const c = f[i + 1];
      let rep;
      if (c === '%') { out += f.slice(last, i) + '%'; last = i + 2; i++; continue; }
      if (a >= args.length) continue;
      const x = args[a];
      switch (c) {
        case 's': rep = typeof x === 'string' ? x : typeof x === 'bigint' ? x + 'n' : (typeof x === 'object' && x !== null) ? inspect(x, { depth: 0 }) : String(x); break;
        case 'd': case 'i': rep = typeof x === 'object' ? 'NaN' : String(c === 'i' ? parseInt(x) : Number(x)); break;
        case 'f': rep = String(parseFloat(x)); break;
        case 'j': try { rep = JSON.stringify(x); } catch (e) { rep = '[Circular]'; } break;
        case 'o': rep = inspect(x, { depth: 4 }); break;
        case 'O': rep = inspect(x); break;
        case 'c': rep = ''; break;
        default: continue;
      }
      out += f.slice(last, i) + rep;
      last = i + 2;
      i++;
      a++;
    }
    out += f.slice(last);
  }
  for (; a < args.length; a++) {
    const x = args[a];
    out += (out === '' && a === 0 ? '' : ' ') + (typeof x === 'string' ? x : inspect(x));
  }
  return out;
}

function promisify(fn) {
  if (typeof fn[promisify.custom] === 'function') return fn[promisify.custom];
  return function (...args) {
    return new Promise((resolve, reject) => fn.call(this, ...args, (err, value) => (err ? reject(err) : resolve(value))));
  };
}
promisify.custom = Symbol.for('nodejs.util.promisify.custom');

function inherits(ctor, superCtor) {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  Object.setPrototypeOf(ctor, superCtor);
  ctor.super_ = superCtor;
}

function isDeepStrictEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => isDeepStrictEqual(a[k], b[k]));
}

module.exports = {
  _stackOf: (err) => errorText(err, false),
  inspect, format, promisify, inherits, isDeepStrictEqual,
  formatWithOptions: (o, ...args) => format(...args),
  deprecate: (fn) => fn,
  debuglog: () => () => undefined,
  types: { isPromise: (p) => p instanceof Promise, isDate: (d) => d instanceof Date, isRegExp: (r) => r instanceof RegExp },
  isArray: Array.isArray,
  TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder,
};
`;
