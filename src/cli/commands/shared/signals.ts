import { SIGNAL_NUMBERS, type SignalName } from '../../../os/process.js';

/** `TERM`, `SIGTERM`, `sigterm` or `15` to a signal the simulator knows. */
export function parseSignal(raw: string): SignalName | undefined {
  const upper = raw.toUpperCase();
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((s) => SIGNAL_NUMBERS[s] === n);
  }
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as SignalName;
  return name in SIGNAL_NUMBERS ? name : undefined;
}
