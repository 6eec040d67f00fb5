import { goQuote } from '../parser/goQuote.js';
import type { BFlags } from './bflag.js';
import { withSuggestion } from './suggest.js';
import type { RunInstruction, RunMount } from './types.js';

const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING_MODES = ['shared', 'private', 'locked'];
const ALL_KEYS = ['type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'mode', 'uid', 'gid', 'src', 'dst', 'ro', 'rw', 'readwrite'];
const NETWORK_MODES = ['default', 'none', 'host'];
const SECURITY_MODES = ['sandbox', 'insecure'];

/** Go's strconv.ParseBool. */
function parseBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** docker/go-units RAMInBytes: binary multiples, optional `b`/`ib` suffix. */
function ramInBytes(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/i.exec(value);
  if (!m) return undefined;
  const power = ['', 'k', 'm', 'g', 't', 'p'].indexOf(m[2].toLowerCase());
  return Math.trunc(Number(m[1]) * 1024 ** power);
}

/** Splits one CSV record (encoding/csv: `,` separated, `"` quoting). */
function csvFields(value: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < value.length) {
    const ch = value[i];
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw new Error('failed to parse csv mounts: parse error on line 1, column ' + (value.length + 1) + ': extraneous or missing " in quoted-field');
  fields.push(field);
  return fields;
}

/**
 * One `--mount` value (commands_runmount.go `parseMount`). Without an
 * expander only `from` is checked, as at BuildKit's parse time; with one
 * (at dispatch) every key is expanded and validated.
 */
export function parseMount(value: string, expand?: (word: string) => string): RunMount {
  const m: RunMount = { type: 'bind', from: '', source: '', target: '', readOnly: false, id: '', sharing: '', required: false };
  let roAuto = true;
  for (const field of csvFields(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    let val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (!expand) continue;
      if (key === 'readonly' || key === 'ro' || key === 'readwrite' || key === 'rw') {
        m.readOnly = key === 'readonly' || key === 'ro';
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (m.type !== 'secret' && m.type !== 'ssh') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        m.required = true;
        continue;
      }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    if (expand) {
      val = expand(val);
    } else if (key === 'from') {
      if (/\$./.test(val)) throw new Error(`'${key}' doesn't support variable expansion, define alias stage instead`);
    } else {
      continue;
    }
    applyKey(m, key, val, field, () => (roAuto = false));
  }
  validateMount(m, roAuto);
  return m;
}

function applyKey(m: RunMount, key: string, val: string, field: string, clearRoAuto: () => void): void {
  const invalid = () => new Error(`invalid value for ${key}: ${val}`);
  const uint = (radix: number, what: string) => {
    const ok = radix === 8 ? /^[0-7]+$/.test(val) : /^\d+$/.test(val);
    const n = Number.parseInt(val, radix);
    if (!ok || n > 0xffffffff) throw new Error(`invalid value ${val} for ${what}`);
    return n;
  };
  switch (key) {
    case 'type': {
      const t = val.toLowerCase();
      if (!MOUNT_TYPES.includes(t)) throw new Error(withSuggestion(`unsupported mount type ${goQuote(val)}`, val, MOUNT_TYPES, true));
      m.type = t as RunMount['type'];
      return;
    }
    case 'from':
      m.from = val;
      return;
    case 'source':
    case 'src':
      m.source = val;
      return;
    case 'target':
    case 'dst':
    case 'destination':
      m.target = val;
      return;
    case 'readonly':
    case 'ro':
    case 'readwrite':
    case 'rw': {
      const b = parseBool(val);
      if (b === undefined) throw invalid();
      m.readOnly = key === 'readonly' || key === 'ro' ? b : !b;
      clearRoAuto();
      return;
    }
    case 'required': {
      if (m.type !== 'secret' && m.type !== 'ssh') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
      const b = parseBool(val);
      if (b === undefined) throw invalid();
      m.required = b;
      return;
    }
    case 'size': {
      if (m.type !== 'tmpfs') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
      const n = ramInBytes(val);
      if (n === undefined) throw invalid();
      m.sizeLimit = n;
      return;
    }
    case 'id':
      m.id = val;
      return;
    case 'sharing': {
      const s = val.toLowerCase();
      if (!SHARING_MODES.includes(s)) throw new Error(withSuggestion(`unsupported sharing value ${goQuote(val)}`, val, SHARING_MODES, true));
      m.sharing = s as RunMount['sharing'];
      return;
    }
    case 'mode':
      m.mode = uint(8, 'mode');
      return;
    case 'uid':
      m.uid = uint(10, 'uid');
      return;
    case 'gid':
      m.gid = uint(10, 'gid');
      return;
    default:
      throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ALL_KEYS, true));
  }
}

function validateMount(m: RunMount, roAuto: boolean): void {
  if (m.type !== 'secret' && m.type !== 'ssh' && m.type !== 'cache') {
    for (const k of ['mode', 'uid', 'gid'] as const) {
      if (m[k] !== undefined) throw new Error(`${k} not allowed for ${goQuote(m.type)} type mounts`);
    }
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    if (m.from !== '') throw new Error('secret mount should not have a from');
    if (m.sharing !== '') throw new Error('secret mount should not define sharing');
    if (m.source === '' && m.target === '' && m.id === '') throw new Error('invalid secret mount. one of source, target required');
    if (m.source !== '' && m.id !== '') throw new Error("both source and id can't be set");
  }
  if (m.sharing !== '' && m.type !== 'cache') throw new Error(`invalid cache sharing set for ${m.type} mount`);
}

/**
 * Dispatch-time mounts of a RUN: every value expanded with `expand` (e.g.
 * `(w) => expandWord(w, env, escapeToken)`) and validated. Throws Error with
 * BuildKit's message; the builder adds the instruction's location.
 */
export function resolveRunMounts(run: RunInstruction, expand: (word: string) => string = (w) => w): RunMount[] {
  return run.mountSpecs.map((spec) => parseMount(spec, expand));
}

/** Registers RUN's flags; `finish()` after `parse()` runs BuildKit's parse-time checks. */
export function parseRunFlags(flags: BFlags) {
  const mount = flags.addStrings('mount');
  const network = flags.addString('network', 'default');
  const security = flags.addString('security', 'sandbox');
  return {
    finish(): { mountSpecs: string[]; network?: string; security?: string } {
      for (const spec of mount.values) parseMount(spec);
      if (!NETWORK_MODES.includes(network.value)) throw new Error(`unsupported network mode ${goQuote(network.value)}`);
      if (!SECURITY_MODES.includes(security.value)) throw new Error(`unsupported security mode ${goQuote(security.value)}`);
      return {
        mountSpecs: [...mount.values],
        network: flags.isUsed('network') ? network.value : undefined,
        security: flags.isUsed('security') ? security.value : undefined,
      };
    },
  };
}
