/**
 * Flag definitions and parsing with spf13/pflag's rules, because students
 * type docker commands from notes and every accepted or rejected form must
 * match the real CLI: grouped shorthands (`-it`, `-dp 3000:80`, `-p8080:80`),
 * `--name=x` and `--name x`, `--rm=false`, repeated list flags and `--`.
 */
import { goQuote } from '../../engine/index.js';

/** pflag value types as Docker declares them; the help column shows `type` for non-bool flags. */
export type FlagKind = 'bool' | 'string' | 'list' | 'int' | 'duration' | 'stringArray' | 'strings';

export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  readonly kind: FlagKind;
  readonly usage: string;
  /** The default as pflag prints it in help; omitted means the zero value (not printed). */
  readonly def?: string;
  /** Hidden flags parse but do not appear in help (e.g. deprecated ones). */
  readonly hidden?: boolean;
  /** The help column's value name when the usage text names one in backquotes. */
  readonly varName?: string;
}

export interface ParsedFlags {
  /** Every value given, in order, keyed by long name. Bools are stored as 'true'/'false'. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly args: readonly string[];
}

export class FlagParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagParseError';
  }
}

const BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const BOOL_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's strconv.ParseBool. */
export function parseGoBool(value: string): boolean | undefined {
  if (BOOL_TRUE.has(value)) return true;
  if (BOOL_FALSE.has(value)) return false;
  return undefined;
}

function flagDisplayName(flag: FlagSpec): string {
  return flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`;
}

function checkValue(flag: FlagSpec, value: string): void {
  const bad = (reason: string): never => {
    throw new FlagParseError(`invalid argument ${goQuote(value)} for ${goQuote(flagDisplayName(flag))} flag: ${reason}`);
  };
  if (flag.kind === 'bool' && parseGoBool(value) === undefined) bad(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
  if (flag.kind === 'int') {
    const parsed = parseGoInt(value);
    if (parsed === 'syntax') bad(`strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`);
    if (parsed === 'range') bad(`strconv.ParseInt: parsing ${goQuote(value)}: value out of range`);
  }
  if (flag.kind === 'duration' && parseGoDuration(value) === undefined) bad(`time: invalid duration ${goQuote(value)}`);
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * pflag's int: strconv.ParseInt(s, 0, 64). Base prefixes 0x, 0o, 0b and a
 * leading 0 (octal) are accepted, underscores only after a prefix, and
 * anything outside int64 is a range error.
 */
export function parseGoInt(text: string): bigint | 'syntax' | 'range' {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]*|0[oO][0-7_]*|0[bB][01_]*|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m || !underscoreOk(m[2])) return 'syntax';
  const [, sign, body] = m;
  let digits = body.replaceAll('_', '');
  if (/^0[xXoObB]/.test(digits)) {
    if (digits.length === 2) return 'syntax';
    digits = `0${digits[1].toLowerCase()}${digits.slice(2)}`;
  } else if (digits.length > 1 && digits.startsWith('0')) digits = `0o${digits.slice(1)}`;
  const magnitude = BigInt(digits);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value > INT64_MAX || value < -INT64_MAX - 1n) return 'range';
  return value;
}

/** Go's underscoreOK: `_` only between digits, or between a base prefix and a digit. */
function underscoreOk(body: string): boolean {
  let saw = '^';
  let i = 0;
  if (/^0[xXoObB]/.test(body)) {
    i = 2;
    saw = '0';
  }
  for (; i < body.length; i++) {
    if (body[i] === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else saw = '0';
  }
  return saw !== '_';
}

/** Go's %q (strconv.Quote), used in pflag's error texts. */
export { goQuote };

/** Go's time.ParseDuration, in milliseconds (only what a student might type: 10s, 1m30s, 500ms). */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '') return undefined;
  let total = 0;
  re.lastIndex = 0;
  while (re.lastIndex < rest.length) {
    const m = re.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]];
  }
  return sign * total;
}

export interface ParseOptions {
  /** false for run/create/exec/tag: parsing stops at the first positional argument. */
  readonly interspersed: boolean;
}

/**
 * Parses argv against `flags`. Throws FlagParseError with pflag's exact text.
 * A lone `-` is a positional argument; `--` ends flag parsing and is dropped.
 */
export function parseFlags(argv: readonly string[], flags: readonly FlagSpec[], options: ParseOptions): ParsedFlags {
  const byLong = new Map(flags.map((f) => [f.long, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const values = new Map<string, string[]>();
  const args: string[] = [];
  const set = (flag: FlagSpec, value: string): void => {
    checkValue(flag, value);
    const list = values.get(flag.long) ?? [];
    list.push(value);
    values.set(flag.long, list);
  };

  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++];
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      args.push(arg);
      if (!options.interspersed) {
        args.push(...argv.slice(i));
        break;
      }
      continue;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      if (name === '' || name.startsWith('-') || name.startsWith('=')) throw new FlagParseError(`bad flag syntax: ${arg}`);
      const flag = byLong.get(name);
      if (!flag) throw new FlagParseError(`unknown flag: --${name}`);
      if (eq >= 0) set(flag, body.slice(eq + 1));
      else if (flag.kind === 'bool') set(flag, 'true');
      else if (i < argv.length) set(flag, argv[i++]);
      else throw new FlagParseError(`flag needs an argument: --${name}`);
      continue;
    }
    // A group of shorthands: each is a bool, except a value flag which takes the rest.
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const flag = byShort.get(c);
      if (!flag) throw new FlagParseError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        set(flag, shorthands.slice(2));
        shorthands = '';
      } else if (flag.kind === 'bool') {
        set(flag, 'true');
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        set(flag, shorthands.slice(1));
        shorthands = '';
      } else if (i < argv.length) {
        set(flag, argv[i++]);
        shorthands = '';
      } else {
        throw new FlagParseError(`flag needs an argument: '${c}' in -${c}`);
      }
    }
  }
  return { values, args };
}

/** Typed access to a parse result. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}

  get args(): readonly string[] {
    return this.parsed.args;
  }

  changed(long: string): boolean {
    return this.parsed.values.has(long);
  }

  bool(long: string, fallback = false): boolean {
    const list = this.parsed.values.get(long);
    return list ? parseGoBool(list[list.length - 1]) === true : fallback;
  }

  string(long: string): string | undefined {
    const list = this.parsed.values.get(long);
    return list ? list[list.length - 1] : undefined;
  }

  list(long: string): string[] {
    return [...(this.parsed.values.get(long) ?? [])];
  }

  int(long: string): number | undefined {
    const value = this.string(long);
    if (value === undefined) return undefined;
    const parsed = parseGoInt(value);
    return typeof parsed === 'bigint' ? Number(parsed) : undefined;
  }
}
