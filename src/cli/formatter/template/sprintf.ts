/** Go's fmt.Sprintf for the verbs templates use: %s %v %d %q %x %f %t %%, with width and `-` flag. */
import { formatValue } from './values.js';

export function sprintf(format: string, args: readonly unknown[]): string {
  let n = 0;
  return format.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (n >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[n++];
    let text: string;
    switch (verb) {
      case 'd':
        text = typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${typeof arg}=${formatValue(arg)})`;
        break;
      case 'f':
        text = typeof arg === 'number' ? arg.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${typeof arg}=${formatValue(arg)})`;
        break;
      case 'q':
        text = JSON.stringify(formatValue(arg));
        break;
      case 'x':
        text = typeof arg === 'number' ? arg.toString(16) : [...new TextEncoder().encode(formatValue(arg))].map((b) => b.toString(16).padStart(2, '0')).join('');
        break;
      default:
        text = formatValue(arg);
        if (prec !== undefined && verb === 's') text = text.slice(0, Number(prec));
    }
    const w = Number(width || 0);
    if (text.length < w) text = flags.includes('-') ? text.padEnd(w) : text.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    return text;
  });
}
