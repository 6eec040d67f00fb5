/**
 * The template functions docker/cli registers (templates.go: json, split,
 * join, title, lower, upper, pad, truncate) plus Go's builtins students use.
 */
import type { TemplateFunc } from './exec.js';
import { formatValue, isTruthy, MISSING } from './values.js';
import { sprintf } from './sprintf.js';

function str(value: unknown): string {
  return formatValue(value);
}

function jsonOf(value: unknown): string {
  if (value === MISSING || value === undefined) return 'null';
  return JSON.stringify(value) ?? 'null';
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new Error('incompatible types for comparison');
}

export const BASIC_FUNCS: Readonly<Record<string, TemplateFunc>> = {
  json: jsonOf,
  split: (s, sep) => str(s).split(str(sep)),
  join: (list, sep) => (Array.isArray(list) ? list.map(str).join(str(sep)) : str(list)),
  title: (s) => str(s).replace(/(^|[^A-Za-z0-9])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase()),
  lower: (s) => str(s).toLowerCase(),
  upper: (s) => str(s).toUpperCase(),
  pad: (s, left, right) => ' '.repeat(Number(left)) + str(s) + ' '.repeat(Number(right)),
  truncate: (s, n) => [...str(s)].slice(0, Number(n)).join(''),
  len: (v) => {
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    if (v !== null && typeof v === 'object') return Object.keys(v).length;
    throw new Error(`len of type ${typeof v}`);
  },
  index: (v, ...keys) => {
    let cur = v;
    for (const key of keys) {
      if (Array.isArray(cur)) {
        const i = Number(key);
        if (!(i >= 0 && i < cur.length)) throw new Error(`index out of range: ${i}`);
        cur = cur[i];
      } else if (cur !== null && typeof cur === 'object') {
        const rec = cur as Record<string, unknown>;
        cur = Object.prototype.hasOwnProperty.call(rec, str(key)) ? rec[str(key)] : MISSING;
      } else {
        throw new Error(`can't index item of type ${typeof cur}`);
      }
    }
    return cur;
  },
  printf: (format, ...args) => sprintf(str(format), args),
  print: (...args) => args.map(str).join(''),
  println: (...args) => `${args.map(str).join(' ')}\n`,
  not: (v) => !isTruthy(v),
  and: (...args) => args.find((a) => !isTruthy(a)) ?? args[args.length - 1],
  or: (...args) => args.find((a) => isTruthy(a)) ?? args[args.length - 1],
  eq: (a, ...bs) => bs.some((b) => a === b),
  ne: (a, b) => a !== b,
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
};

/** docker/cli's HeaderFunctions: applied to header names, the formatting functions leave them as they are. */
export const HEADER_FUNCS: Readonly<Record<string, TemplateFunc>> = {
  ...BASIC_FUNCS,
  json: () => '',
  split: (s) => s,
  join: (s) => s,
  title: (s) => s,
  lower: (s) => s,
  upper: (s) => s,
  pad: (s) => s,
  truncate: (s) => s,
};
