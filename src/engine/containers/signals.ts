import type { SignalName } from '../../os/process.js';
import { SIGNAL_NUMBERS } from '../../os/process.js';
import { EngineError } from '../errors/EngineError.js';

/** `SIGQUIT`, `QUIT`, `quit` or `3` → `SIGQUIT` (the forms STOPSIGNAL and `kill -s` accept). */
export function parseSignal(text: string): SignalName {
  const upper = text.trim().toUpperCase();
  if (/^\d+$/.test(upper)) {
    const found = (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((s) => SIGNAL_NUMBERS[s] === Number(upper));
    if (found) return found;
  } else {
    const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as SignalName;
    if (name in SIGNAL_NUMBERS) return name;
  }
  throw new EngineError(`Invalid signal: ${text}`, 'invalidParameter');
}
