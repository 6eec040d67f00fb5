/** Builtins that deal with input, signals and background jobs: read, trap, wait, kill, jobs. */
import type { SignalName } from '../../os/process.js';
import { SIGNAL_NUMBERS } from '../../os/process.js';
import { interruptToken } from '../input.js';
import type { Builtin } from './types.js';

export const read: Builtin = async (args, { sh, io, err }) => {
  let raw = false;
  let prompt = '';
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-r') raw = true;
    else if (a === '-p') prompt = args[++i] ?? '';
    else if (a === '-s') continue;
    else if (a.startsWith('-')) {
      err(`${a}: invalid option`);
      return 2;
    } else names.push(a);
  }
  if (prompt) io.stderr.write(prompt);
  if (names.length === 0) names.push('REPLY');
  let text = '';
  let eof = false;
  const interrupt = interruptToken(io.signals);
  for (;;) {
    const got = await io.stdin.readLine(interrupt.token);
    if (got === null) {
      eof = true;
      break;
    }
    if (!got.complete) eof = true;
    if (!raw && got.line.endsWith('\\') && got.complete) {
      text += got.line.slice(0, -1);
      continue;
    }
    text += got.line;
    break;
  }
  interrupt.dispose();
  if (interrupt.token.cancelled) return 130;
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  const ifs = sh.state.vars.get('IFS') ?? ' \t\n';
  const isSep = (c: string): boolean => ifs.includes(c);
  let rest = names.length === 1 && names[0] === 'REPLY' && !args.includes('REPLY') ? text : trimSeps(text, isSep);
  for (let i = 0; i < names.length; i++) {
    if (i === names.length - 1) {
      sh.state.vars.set(names[i], names[i] === 'REPLY' ? rest : trimSeps(rest, isSep));
      break;
    }
    let j = 0;
    while (j < rest.length && !isSep(rest[j])) j++;
    sh.state.vars.set(names[i], rest.slice(0, j));
    rest = trimSeps(rest.slice(j), isSep);
  }
  return eof && text === '' ? 1 : eof ? 1 : 0;
};

function trimSeps(s: string, isSep: (c: string) => boolean): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSep(s[a]) && /\s/.test(s[a])) a++;
  while (b > a && isSep(s[b - 1]) && /\s/.test(s[b - 1])) b--;
  return s.slice(a, b);
}

/** `INT`, `SIGINT`, `2` → `SIGINT`; `EXIT`/`0` → `EXIT`. */
export function signalName(spec: string): SignalName | 'EXIT' | null {
  const upper = spec.toUpperCase();
  if (upper === 'EXIT' || upper === '0') return 'EXIT';
  if (/^[0-9]+$/.test(upper)) {
    const found = (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((n) => SIGNAL_NUMBERS[n] === Number(upper));
    return found ?? null;
  }
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as SignalName;
  return name in SIGNAL_NUMBERS ? name : null;
}

export const trap: Builtin = (args, { sh, io, err }) => {
  const { traps } = sh.state;
  if (args.length === 0 || args[0] === '-p') {
    for (const [sig, action] of traps) io.stdout.write(`trap -- '${action.replace(/'/g, "'\\''")}' ${sig}\n`);
    return 0;
  }
  if (args[0] === '-l') {
    io.stdout.write(Object.entries(SIGNAL_NUMBERS).map(([n, v]) => `${v}) ${n}`).join(' ') + '\n');
    return 0;
  }
  let action: string | null = args[0];
  let specs = args.slice(1);
  if (args.length === 1 || /^[0-9]+$/.test(args[0])) {
    specs = args.length === 1 ? args : args;
    action = null;
  }
  if (action === '-') action = null;
  let status = 0;
  for (const spec of specs) {
    const sig = signalName(spec);
    if (!sig) {
      err(`${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === null) traps.delete(sig);
    else traps.set(sig, action);
  }
  return status;
};

export const wait: Builtin = async (args, { sh, err }) => {
  const { jobs } = sh.state;
  const hub = sh.rt.signals;
  const targets = args.length === 0 ? [...jobs.values()] : [];
  for (const a of args) {
    const job = a.startsWith('%') ? jobs.get(Number(a.slice(1))) : [...jobs.values()].find((j) => j.pid === Number(a));
    if (!job) {
      err(`pid ${a} is not a child of this shell`);
      return 127;
    }
    targets.push(job);
  }
  let status = 0;
  for (const job of targets) {
    // A trapped signal interrupts `wait` at once (unlike a foreground command): status 128+n.
    const woke = new Promise<'signal'>((resolve) => hub.wake.onCancel(() => resolve('signal')));
    const result = await Promise.race([job.promise, woke]);
    if (result === 'signal') {
      const sig = hub.pendingTraps[0];
      return sig ? 128 + SIGNAL_NUMBERS[sig] : 130;
    }
    status = result;
    if (args.length === 0) jobs.delete(job.id);
  }
  return args.length === 0 ? 0 : status;
};

export const jobsBuiltin: Builtin = (_args, { sh, io }) => {
  for (const job of sh.state.jobs.values()) {
    const state = job.status === null ? 'Running' : job.status === 0 ? 'Done' : `Exit ${job.status}`;
    io.stdout.write(`[${job.id}]  ${state.padEnd(24)}${job.command}\n`);
  }
  return 0;
};

/** `kill` signals background jobs, or the shell itself when given `$$`. */
export const kill: Builtin = (args, { sh, err, io }) => {
  let signal: SignalName = 'SIGTERM';
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-l') {
      io.stdout.write(Object.keys(SIGNAL_NUMBERS).map((n) => n.slice(3)).join(' ') + '\n');
      return 0;
    }
    if (a === '-s' || a === '-n') {
      const s = signalName(args[++i] ?? '');
      if (!s || s === 'EXIT') {
        err(`${args[i]}: invalid signal specification`);
        return 1;
      }
      signal = s;
    } else if (a.startsWith('-') && a.length > 1) {
      const s = signalName(a.slice(1));
      if (!s || s === 'EXIT') {
        err(`${a.slice(1)}: invalid signal specification`);
        return 1;
      }
      signal = s;
    } else targets.push(a);
  }
  if (targets.length === 0) {
    err('usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]');
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    if (Number(t) === sh.state.pid) {
      sh.rt.signals.deliver(signal, sh.state.traps.has(signal), 128 + SIGNAL_NUMBERS[signal]);
      continue;
    }
    const job = [...sh.state.jobs.values()].find((j) => j.pid === Number(t) || `%${j.id}` === t);
    if (job && job.status === null) job.signal(signal);
    if (!job) {
      err(`(${t}) - No such process`);
      status = 1;
    }
  }
  return status;
};
