/**
 * CommonJS loading for the sandbox, resolving as Node does: builtins (with or
 * without `node:`), relative and absolute files with `.js`/`.json` and
 * directory index/`main` fallbacks, then `node_modules` up the tree. Packages
 * Slipway provides (express, body-parser) load the built-in implementation
 * when they are installed; placeholder packages written by the simulated npm
 * get a clear message instead of an empty object.
 */
export const MODULES_JS = String.raw`
(function () {
  const S = globalThis.__slipway;
  const host = S.host;
  const path = S.builtin('path');
  const PROVIDED = ['express', 'body-parser'];
  const PLACEHOLDER = '(simulated by Slipway)';

  function stat(p) { const r = JSON.parse(host.fs('stat', p)); return r.v || null; }
  function isFile(p) { const s = stat(p); return !!s && s.kind === 'file'; }
  function isDir(p) { const s = stat(p); return !!s && s.kind === 'dir'; }
  function readText(p) { const r = JSON.parse(host.fs('readText', p)); if (r.e) throw S.fsError(r, p); return r.v; }

  function tryFile(p) {
    if (isFile(p)) return p;
    for (const ext of ['.js', '.json', '.node']) if (isFile(p + ext)) return p + ext;
    return null;
  }
  function tryDir(p) {
    if (!isDir(p)) return null;
    if (isFile(p + '/package.json')) {
      let pkg = {};
      try { pkg = JSON.parse(readText(p + '/package.json')); } catch (e) { pkg = {}; }
      if (typeof pkg.main === 'string') {
        const m = path.resolve(p, pkg.main);
        const found = tryFile(m) || tryIndex(m);
        if (found) return found;
      }
    }
    return tryIndex(p);
  }
  function tryIndex(p) { for (const f of ['/index.js', '/index.json', '/index.node']) if (isFile(p + f)) return p + f; return null; }
  function nodeModulePaths(dir) {
    const out = [];
    const parts = dir.split('/').filter(Boolean);
    for (let i = parts.length; i >= 0; i--) {
      if (parts[i - 1] === 'node_modules') continue;
      out.push('/' + parts.slice(0, i).concat('node_modules').join('/'));
    }
    return out;
  }
  S.nodeModulePaths = nodeModulePaths;

  function notFound(request, parent) {
    const stack = [];
    for (let m = parent; m && m.filename; m = m.parent) stack.push(m.filename);
    const err = new Error("Cannot find module '" + request + "'" + (stack.length ? '\nRequire stack:\n- ' + stack.join('\n- ') : ''));
    err.code = 'MODULE_NOT_FOUND';
    err.requireStack = stack;
    return err;
  }

  function resolveFilename(request, parent) {
    if (typeof request !== 'string') {
      const e = new TypeError('The "id" argument must be of type string. Received ' + S.builtin('util').inspect(request));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    if (request.startsWith('node:')) {
      if (S.isBuiltin(request)) return request;
      const e = new Error('No such built-in module: ' + request);
      e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw e;
    }
    if (S.isBuiltin(request) && !PROVIDED.includes(request)) return 'node:' + request;
    const base = parent && parent.filename ? path.dirname(parent.filename) : process.cwd();
    if (/^(\.\.?)(\/|$)/.test(request) || request.startsWith('/')) {
      const p = path.resolve(base, request);
      const found = tryFile(p) || tryDir(p);
      if (found) return found;
      throw notFound(request, parent);
    }
    const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
    for (const dir of nodeModulePaths(base)) {
      const pkgDir = dir + '/' + name;
      if (!isDir(pkgDir)) continue;
      if (PROVIDED.includes(name) && isFile(pkgDir + '/package.json')) return 'slipway:' + request;
      const p = dir + '/' + request;
      const found = tryFile(p) || tryDir(p);
      if (!found) continue;
      if (found.endsWith('.js') && readText(found).includes(PLACEHOLDER)) {
        const e = new Error("Slipway: the package '" + name + "' is installed but not available in this simulated Node runtime");
        e.code = 'SLIPWAY_PACKAGE_UNAVAILABLE';
        throw e;
      }
      return found;
    }
    throw notFound(request, parent);
  }

  class Module {
    constructor(id, parent) {
      this.id = id; this.filename = id; this.path = path.dirname(id); this.exports = {};
      this.parent = parent; this.loaded = false; this.children = []; this.paths = nodeModulePaths(this.path);
    }
    require(request) { return load(request, this); }
  }
  const cache = Object.create(null);
  Module._cache = cache;
  Module.builtinModules = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'os', 'path', 'querystring', 'readline', 'stream', 'string_decoder', 'timers', 'url', 'util'];
  Module.createRequire = (file) => makeRequire(new Module(String(file).replace(/^file:\/\//, ''), null));
  Module.Module = Module;
  S.Module = Module;

  function makeRequire(mod) {
    const require = (request) => load(request, mod);
    require.resolve = (request) => { const r = resolveFilename(request, mod); return r.startsWith('node:') ? request : r.replace(/^slipway:/, ''); };
    require.cache = cache;
    require.main = S.mainModule;
    return require;
  }

  function load(request, parent) {
    const filename = resolveFilename(request, parent);
    if (filename.startsWith('node:')) return S.builtin(filename);
    if (filename.startsWith('slipway:')) return S.builtin(filename);
    if (cache[filename]) return cache[filename].exports;
    const mod = new Module(filename, parent);
    cache[filename] = mod;
    if (parent) parent.children.push(mod);
    try {
      compileInto(mod);
    } catch (e) {
      delete cache[filename];
      throw e;
    }
    mod.loaded = true;
    return mod.exports;
  }

  // The main module comes back async when its top-level loops got pause points (instrument.ts).
  const AsyncFunction = (async () => {}).constructor;
  function compileInto(mod, main) {
    const source = readText(mod.filename);
    if (mod.filename.endsWith('.json')) {
      try { mod.exports = JSON.parse(source); } catch (e) { e.message = mod.filename + ': ' + e.message; throw e; }
      return;
    }
    const body = source.startsWith('#!') ? '//' + source : source;
    const fn = host.compile('(function (exports, require, module, __filename, __dirname) {' + body + '\n})', mod.filename, main === true);
    const result = fn.call(mod.exports, mod.exports, makeRequire(mod), mod, mod.filename, mod.path);
    if (fn instanceof AsyncFunction) S.watch(result);
  }

  S.runMain = (file) => {
    const filename = path.resolve(file);
    const found = tryFile(filename) || tryDir(filename);
    if (!found) throw notFound(filename, null);
    const mod = new Module(found, null);
    mod.id = '.';
    S.mainModule = mod;
    cache[found] = mod;
    compileInto(mod, true);
    mod.loaded = true;
  };
  S.resolveImport = (request, baseFile) => resolveFilename(request, { filename: baseFile, parent: null });
  S.requireFrom = (request, baseFile) => load(request, new Module(baseFile, null));
  S.exportNames = (id) => {
    const m = S.requireFrom(id, '/');
    return JSON.stringify(m && (typeof m === 'object' || typeof m === 'function') ? Object.keys(m).filter((k) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) && k !== 'default') : []);
  };
  S.define('module', (module) => { module.exports = Module; });
  globalThis.require = makeRequire(new Module(process.cwd() + '/[eval]', null));
})();
`;
