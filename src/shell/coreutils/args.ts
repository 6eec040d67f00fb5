/** GNU-style option parsing shared by the coreutils: clustered short flags, values, `--`. */
import type { CommandContext } from '../../os/process.js';
import { resolvePath } from '../../os/path.js';
import { FsError } from '../../os/vfs.js';

export interface ParsedArgs {
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
  readonly operands: string[];
}

/**
 * `withValue` lists the short options that take a value (`-n 5`, `-n5`).
 * `long` maps long options to short ones (`--recursive` → `r`). Unknown
 * options come back in `unknown` for the caller's error message.
 */
export function parseArgs(
  args: readonly string[],
  known: string,
  withValue = '',
  long: Readonly<Record<string, string>> = {},
): ParsedArgs & { unknown?: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      const short = long[name];
      if (!short) return { flags, values, operands, unknown: a };
      if (withValue.includes(short)) values.set(short, inline ?? args[++i] ?? '');
      else flags.add(short);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !(/^-[0-9]/.test(a) && !known.includes(a[1]) && !withValue.includes(a[1]))) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          values.set(f, a.slice(j + 1) || args[++i] || '');
          break;
        }
        if (!known.includes(f)) return { flags, values, operands, unknown: `-${f}` };
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

/** GNU's message for a bad option, with its `Try '… --help'` line. */
export function badOption(ctx: CommandContext, cmd: string, option: string): number {
  const text = option.startsWith('--') ? `unrecognized option '${option}'` : `invalid option -- '${option.slice(1)}'`;
  ctx.stderr.write(`${cmd}: ${text}\nTry '${cmd} --help' for more information.\n`);
  return cmd === 'ls' || cmd === 'grep' ? 2 : 1;
}

export function abs(ctx: CommandContext, p: string): string {
  return resolvePath(ctx.cwd, p);
}

export function reasonOf(e: unknown): string {
  if (e instanceof FsError) return e.reason;
  throw e;
}

/** All of stdin as text. */
export async function readStdin(ctx: CommandContext): Promise<string> {
  let out = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) out += chunk;
  return out;
}

/**
 * The text of each input (files, or stdin for none or `-`). Missing files are
 * reported with `report(name, reason)` and skipped.
 */
export async function readInputs(
  ctx: CommandContext,
  files: readonly string[],
  report: (name: string, reason: string) => void,
): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  for (const name of files.length === 0 ? ['-'] : files) {
    if (name === '-') {
      out.push({ name, text: await readStdin(ctx) });
      continue;
    }
    try {
      const path = abs(ctx, name);
      if (ctx.fs.stat(path)?.kind === 'dir') {
        report(name, 'Is a directory');
        continue;
      }
      out.push({ name, text: new TextDecoder().decode(ctx.fs.readFile(path)) });
    } catch (e) {
      report(name, reasonOf(e));
    }
  }
  return out;
}

/** Splits text into lines without their `\n` (a final line without one still counts). */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
