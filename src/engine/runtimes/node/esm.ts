/**
 * ES modules for `.mjs` entry points and packages with `"type": "module"`:
 * QuickJS's module loader reads files from the container, and builtins or
 * CommonJS files imported from a module are wrapped in a facade module whose
 * named exports are the CommonJS export keys (Node's cjs-module-lexer idea).
 */
import { dirname, resolvePath } from '../../../os/path.js';
import type { Vfs } from '../../../os/vfs.js';
import { instrumentLoops } from './instrument.js';
import type { NodeProcess } from './NodeProcess.js';

const decoder = new TextDecoder();

function packageType(fs: Vfs, file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(decoder.decode(fs.readFile(`${dir === '/' ? '' : dir}/package.json`))) as { type?: string };
      return pkg.type;
    } catch {
      // no package.json here, or not JSON: keep walking up like Node
    }
    if (dir === '/') return undefined;
  }
}

export function isModuleEntry(fs: Vfs, file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  return file.endsWith('.js') && packageType(fs, file) === 'module';
}

export function runModule(proc: NodeProcess, file: string): void {
  const { vm, ctx } = proc;
  const callString = (expr: string): string | null => {
    const r = vm.evalCode(expr, 'node:internal/modules/esm');
    if (r.error) {
      r.error.dispose();
      return null;
    }
    const s = vm.getString(r.value);
    r.value.dispose();
    return s;
  };
  proc.runtime.setModuleLoader(
    (name) => {
      if (name.startsWith('node:') || name.startsWith('slipway:') || !isModuleEntry(ctx.fs, name)) {
        const keys = JSON.parse(callString(`__slipway.exportNames(${JSON.stringify(name)})`) ?? '[]') as string[];
        const bind = `const m = __slipway.requireFrom(${JSON.stringify(name)}, '/');\nexport default m;\n`;
        return keys.length > 0 ? `${bind}export const { ${keys.join(', ')} } = m;\n` : bind;
      }
      return instrumentLoops(decoder.decode(ctx.fs.readFile(name)), { sourceType: 'module', topLevel: true }).code;
    },
    (base, requested) => {
      if (requested.startsWith('./') || requested.startsWith('../') || requested.startsWith('/')) return resolvePath(dirname(base), requested);
      const resolved = callString(`__slipway.resolveImport(${JSON.stringify(requested)}, ${JSON.stringify(base)})`);
      return resolved ?? requested;
    },
  );
  const source = instrumentLoops(decoder.decode(ctx.fs.readFile(file)), { sourceType: 'module', topLevel: true }).code;
  const result = proc.enter(() => vm.evalCode(source, file, { type: 'module' }));
  if (!result) return;
  const state = vm.getPromiseState(result);
  if (state.type === 'rejected') {
    proc.uncaught(state.error);
    state.error.dispose();
  } else if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose();
  // A module whose top-level loop paused is still evaluating: a later throw must still be reported.
  else if (state.type === 'pending') proc.callS('watch', result)?.dispose();
  result.dispose();
}
