/** Commands about the system and time: date, uname, whoami, id, hostname, sleep, clear, env output. */
import type { CommandContext, ExternalCommand, SignalName } from '../../os/process.js';
import { SIGNAL_NUMBERS } from '../../os/process.js';
import { CancelSource } from '../../os/streams.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

/** strftime for the UTC time zone (the only one Slipway has). */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const map: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => p2(d.getUTCFullYear() % 100),
    m: () => p2(d.getUTCMonth() + 1),
    d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => p2(d.getUTCHours()),
    I: () => p2(((d.getUTCHours() + 11) % 12) + 1),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    N: () => String(d.getUTCMilliseconds() * 1e6).padStart(9, '0'),
    a: () => DAYS[d.getUTCDay()],
    A: () => LONG_DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    B: () => LONG_MONTHS[d.getUTCMonth()],
    s: () => String(Math.floor(ms / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    D: () => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`,
    j: () => String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0'),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => (map[c] ? map[c]() : m));
}

export const date: ExternalCommand = async (argv, ctx) => {
  const now = ctx.clock.now();
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  const bad = argv.slice(1).find((a) => !a.startsWith('+') && a !== '-u' && a !== '--utc' && a !== '-R' && a !== '-I');
  if (bad) {
    ctx.stderr.write(`date: invalid date '${bad}'\n`);
    return 1;
  }
  if (argv.includes('-R')) ctx.stdout.write(formatDate(now, '%a, %d %b %Y %T +0000') + '\n');
  else if (argv.includes('-I')) ctx.stdout.write(formatDate(now, '%F') + '\n');
  else ctx.stdout.write(formatDate(now, fmt ? fmt.slice(1) : '%a %b %e %T %Z %Y') + '\n');
  return 0;
};

function hostName(ctx: CommandContext): string {
  const fromEnv = ctx.env.get('HOSTNAME');
  if (fromEnv) return fromEnv;
  try {
    return new TextDecoder().decode(ctx.fs.readFile('/etc/hostname')).trim() || 'slipway';
  } catch {
    return 'slipway';
  }
}

const KERNEL = '6.10.14-linuxkit';

export const uname: ExternalCommand = async (argv, ctx) => {
  const flags = argv.slice(1).join('').replace(/-/g, '');
  const all = flags.includes('a');
  const parts: string[] = [];
  if (all || flags.includes('s') || flags === '') parts.push('Linux');
  if (all || flags.includes('n')) parts.push(hostName(ctx));
  if (all || flags.includes('r')) parts.push(KERNEL);
  if (all || flags.includes('v')) parts.push('#1 SMP PREEMPT_DYNAMIC Mon Nov 10 09:12:46 UTC 2025');
  if (all || flags.includes('m')) parts.push('x86_64');
  if (all || flags.includes('o')) parts.push('GNU/Linux');
  ctx.stdout.write(parts.join(' ') + '\n');
  return 0;
};

function userName(ctx: CommandContext): string {
  return ctx.env.get('USER') ?? 'root';
}

export const whoami: ExternalCommand = async (_argv, ctx) => {
  ctx.stdout.write(userName(ctx) + '\n');
  return 0;
};

export const id: ExternalCommand = async (argv, ctx) => {
  const user = userName(ctx);
  const n = user === 'root' ? 0 : 1000;
  if (argv.includes('-u')) ctx.stdout.write(`${argv.includes('-n') ? user : n}\n`);
  else if (argv.includes('-g')) ctx.stdout.write(`${argv.includes('-n') ? user : n}\n`);
  else ctx.stdout.write(`uid=${n}(${user}) gid=${n}(${user}) groups=${n}(${user})\n`);
  return 0;
};

export const hostname: ExternalCommand = async (_argv, ctx) => {
  ctx.stdout.write(hostName(ctx) + '\n');
  return 0;
};

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep` on the injected clock; Ctrl-C (SIGINT) ends it with 130. */
export const sleep: ExternalCommand = async (argv, ctx) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let seconds = 0;
  for (const a of args) {
    const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
    if (!m && a !== 'infinity') {
      ctx.stderr.write(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    seconds += m ? Number(m[1]) * UNITS[m[2]] : Infinity;
  }
  const cancel = new CancelSource();
  let endedBy: SignalName | null = null;
  const off = ctx.signals.on((sig) => {
    if (sig === 'SIGINT' || sig === 'SIGKILL' || sig === 'SIGTERM') {
      endedBy ??= sig;
      cancel.cancel();
    }
  });
  try {
    await ctx.clock.sleep(Number.isFinite(seconds) ? seconds * 1000 : 2 ** 31, cancel);
  } finally {
    off();
  }
  return endedBy ? 128 + SIGNAL_NUMBERS[endedBy] : 0;
};

export const clear: ExternalCommand = async (_argv, ctx) => {
  ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const printenv: ExternalCommand = async (argv, ctx) => {
  if (argv.length > 1) {
    let status = 0;
    for (const name of argv.slice(1)) {
      const v = ctx.env.get(name);
      if (v === undefined) status = 1;
      else ctx.stdout.write(v + '\n');
    }
    return status;
  }
  for (const [k, v] of ctx.env) ctx.stdout.write(`${k}=${v}\n`);
  return 0;
};
