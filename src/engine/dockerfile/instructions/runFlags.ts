import type { BFlags } from './bflag.js';
import type { RunMount } from './types.js';

const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
const COMMON_KEYS = ['type', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw'];
const KEYS_BY_TYPE: Record<string, string[]> = {
  bind: ['source', 'src', 'from', 'bind-propagation', 'bind-nonrecursive'],
  cache: ['id', 'sharing', 'from', 'source', 'src', 'mode', 'uid', 'gid'],
  tmpfs: ['size', 'tmpfs-size'],
  secret: ['id', 'required', 'mode', 'uid', 'gid', 'env', 'source', 'src'],
  ssh: ['id', 'required', 'mode', 'uid', 'gid', 'source', 'src'],
};
const NETWORK_MODES = ['default', 'none', 'host'];
const SECURITY_MODES = ['sandbox', 'insecure'];

/** One `--mount` value: CSV of key=value (commands_runmount.go), checked for type and keys. */
export function parseMount(value: string): RunMount {
  const options: Record<string, string> = {};
  let type = 'bind';
  for (const field of value.split(',')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (key === 'type') {
      if (!(MOUNT_TYPES as readonly string[]).includes(val)) throw new Error(`unsupported mount type ${JSON.stringify(val)}`);
      type = val;
    }
    options[key] = val;
  }
  for (const key of Object.keys(options)) {
    if (!COMMON_KEYS.includes(key) && !KEYS_BY_TYPE[type].includes(key)) {
      throw new Error(`unexpected key '${key}' for mount type '${type}'`);
    }
  }
  if (options.target === undefined && options.dst === undefined && options.destination === undefined) {
    if (type !== 'secret' && type !== 'ssh') throw new Error('mount destination not specified');
  }
  return { type, options };
}

/** Registers RUN's flags; `finish()` after `parse()` validates and returns them. */
export function parseRunFlags(flags: BFlags) {
  const mount = flags.addStrings('mount');
  const network = flags.addString('network', 'default');
  const security = flags.addString('security', 'sandbox');
  return {
    finish(): { mounts: RunMount[]; network?: string; security?: string } {
      const mounts = mount.values.map(parseMount);
      if (!NETWORK_MODES.includes(network.value)) throw new Error(`unsupported network mode ${JSON.stringify(network.value)}`);
      if (!SECURITY_MODES.includes(security.value)) {
        throw new Error(`unsupported security mode ${JSON.stringify(security.value)}`);
      }
      return {
        mounts,
        network: flags.isUsed('network') ? network.value : undefined,
        security: flags.isUsed('security') ? security.value : undefined,
      };
    },
  };
}
