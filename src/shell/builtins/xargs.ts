/** `xargs`: runs a command with arguments read from stdin (`docker ps -aq | xargs docker rm`). */
import { invoke } from '../exec.js';
import type { Builtin } from './types.js';

/** Splits xargs input: blanks and newlines separate; quotes and backslashes group. */
export function xargsWords(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let have = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) {
        cur += text.slice(i + 1);
        have = true;
        break;
      }
      cur += text.slice(i + 1, end);
      have = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      have = true;
    } else if (/\s/.test(c)) {
      if (have) out.push(cur);
      cur = '';
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (have) out.push(cur);
  return out;
}

export const xargs: Builtin = async (args, env) => {
  let i = 0;
  let perCall = Infinity;
  let replace: string | undefined;
  let noEmpty = false;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-r' || a === '--no-run-if-empty') noEmpty = true;
    else if (a === '-n') perCall = Math.max(1, Number(args[++i]));
    else if (/^-n[0-9]+$/.test(a)) perCall = Math.max(1, Number(a.slice(2)));
    else if (a === '-I') replace = args[++i];
    else if (a === '-0' || a === '-t') continue;
    else if (a === '--') {
      i++;
      break;
    } else {
      env.io.stderr.write(`xargs: invalid option -- '${a.replace(/^-+/, '')}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n`);
      return 1;
    }
  }
  const command = args.length > i ? args.slice(i) : ['echo'];
  let input = '';
  for (let chunk = await env.io.stdin.read(); chunk !== null; chunk = await env.io.stdin.read()) input += chunk;
  const calls: string[][] = [];
  if (replace !== undefined) {
    for (const line of input.split('\n').filter((l) => l.trim() !== '')) {
      const item = line.trim();
      calls.push(command.map((w) => w.split(replace!).join(item)));
    }
  } else {
    const words = xargsWords(input);
    if (words.length === 0) {
      if (!noEmpty) calls.push(command);
    } else {
      for (let k = 0; k < words.length; k += Number.isFinite(perCall) ? perCall : words.length) {
        calls.push([...command, ...words.slice(k, k + (Number.isFinite(perCall) ? perCall : words.length))]);
      }
    }
  }
  let status = 0;
  for (const argv of calls) {
    const s = await invoke(env.sh, argv, new Map(), env.io, env.line);
    if (s === 127 || s === 126) return s;
    if (s !== 0) status = 123;
  }
  return status;
};
