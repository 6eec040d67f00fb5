/** `path` (POSIX only, as inside a Linux container) for the sandbox. A CommonJS module body. */
export const PATH_JS = String.raw`
function normalizeParts(parts, absolute) {
  const out = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); }
    else out.push(p);
  }
  return out;
}
function assertPath(p, name) {
  if (typeof p !== 'string') {
    const e = new TypeError('The "' + (name || 'path') + '" argument must be of type string. Received ' + S.builtin('util').inspect(p));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}
const path = {
  sep: '/', delimiter: ':',
  normalize(p) {
    assertPath(p);
    if (p === '') return '.';
    const abs = p.startsWith('/');
    const trailing = p.endsWith('/');
    let r = normalizeParts(p.split('/'), abs).join('/');
    if (r === '' && !abs) r = '.';
    if (r !== '' && trailing) r += '/';
    return (abs ? '/' : '') + r;
  },
  join(...parts) { parts.forEach((p) => assertPath(p)); const j = parts.filter((p) => p !== '').join('/'); return j === '' ? '.' : path.normalize(j); },
  resolve(...parts) {
    let r = '';
    for (let i = parts.length - 1; i >= 0 && !r.startsWith('/'); i--) { assertPath(parts[i], 'paths[' + i + ']'); if (parts[i] !== '') r = parts[i] + (r ? '/' + r : ''); }
    if (!r.startsWith('/')) r = process.cwd() + (r ? '/' + r : '');
    return '/' + normalizeParts(r.split('/'), true).join('/');
  },
  isAbsolute(p) { assertPath(p); return p.startsWith('/'); },
  dirname(p) {
    assertPath(p);
    if (p === '') return '.';
    const s = p.replace(/\/+$/, '');
    if (s === '') return '/';
    const i = s.lastIndexOf('/');
    if (i < 0) return '.';
    if (i === 0) return '/';
    return s.slice(0, i).replace(/\/+$/, '') || '/';
  },
  basename(p, ext) {
    assertPath(p);
    const s = p.replace(/\/+$/, '');
    let b = s.slice(s.lastIndexOf('/') + 1);
    if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
    return b;
  },
  extname(p) {
    assertPath(p);
    const b = path.basename(p);
    const i = b.lastIndexOf('.');
    return i <= 0 ? '' : b.slice(i);
  },
  relative(from, to) {
    const f = path.resolve(from).split('/').filter(Boolean), t = path.resolve(to).split('/').filter(Boolean);
    let i = 0;
    while (i < f.length && i < t.length && f[i] === t[i]) i++;
    return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
  },
  parse(p) {
    const root = p.startsWith('/') ? '/' : '';
    const base = path.basename(p), ext = path.extname(p);
    let dir = path.dirname(p);
    if (dir === '.' && !p.includes('/')) dir = '';
    return { root, dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
  },
  format(o) { const dir = o.dir || o.root || ''; const base = o.base || (o.name || '') + (o.ext || ''); return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base; },
  toNamespacedPath: (p) => p,
};
path.posix = path;
path.win32 = path;
module.exports = path;
`;
