import { describe, expect, it } from 'vitest';
import type { ProgramRegistry } from '../context.js';
import { registerNodeRuntime } from '../runtimes/node/index.js';
import { registerPythonRuntime } from '../runtimes/python/index.js';
import { registerPackagePrograms } from './packages/index.js';
import { NODE_PROGRAMS, PACKAGE_PROGRAMS, PYTHON_PROGRAMS, registerLazy } from './lazy.js';
import { SimpleProgramRegistry } from './registry.js';
import type { Program, ProgramContext } from './types.js';
import { VirtualClock } from '../../os/testing/virtualClock.js';

/** Only the clock is read before the program runs (it holds a virtual clock while the module loads). */
const ctx = { clock: new VirtualClock() } as unknown as ProgramContext;

function namesOf(register: (into: ProgramRegistry) => void): string[] {
  const names: string[] = [];
  register({ register: (name) => void names.push(name), lookup: () => undefined });
  return names.sort();
}

describe('lazily loaded programs', () => {
  it('register under the same names as their modules do', () => {
    expect([...PACKAGE_PROGRAMS].sort()).toEqual(namesOf(registerPackagePrograms));
    expect([...NODE_PROGRAMS].sort()).toEqual(namesOf((r) => registerNodeRuntime(r)));
    expect([...PYTHON_PROGRAMS].sort()).toEqual(namesOf((r) => registerPythonRuntime(r)));
  });

  it('imports the module on the first run only, then runs the program of that name', async () => {
    let loads = 0;
    const ran: string[] = [];
    const program = (name: string): Program => async () => {
      ran.push(name);
      return name.length;
    };
    const registry = new SimpleProgramRegistry();
    registerLazy(registry, ['one', 'three'], async () => {
      loads++;
      return (into) => {
        into.register('one', program('one'));
        into.register('three', program('three'));
      };
    });
    expect(loads).toBe(0);
    expect(await registry.lookup('three')!(ctx)).toBe(5);
    expect(await registry.lookup('one')!(ctx)).toBe(3);
    expect(ran).toEqual(['three', 'one']);
    expect(loads).toBe(1);
  });

  it('retries the import after a failed one', async () => {
    let attempts = 0;
    const registry = new SimpleProgramRegistry();
    registerLazy(registry, ['p'], async () => {
      attempts++;
      if (attempts === 1) throw new Error('offline');
      return (into) => into.register('p', async () => 7);
    });
    await expect(registry.lookup('p')!(ctx)).rejects.toThrow('offline');
    expect(await registry.lookup('p')!(ctx)).toBe(7);
  });
});
