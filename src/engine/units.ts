/**
 * docker/go-units' human-readable durations and sizes, as the daemon and the
 * CLI print them (`Up 3 seconds`, `187MB`). Kept byte-exact because `docker ps`
 * and `docker images` goldens depend on them.
 */

/** go-units HumanDuration: `Less than a second`, `About a minute`, `3 weeks` … */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hoursFloat = ms / 3_600_000;
  const hours = Math.trunc(hoursFloat + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(hoursFloat) / 24 / 365)} years`;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** Go's `%.*g`: `precision` significant digits, trailing zeros dropped. */
function formatG(value: number, precision: number): string {
  if (value === 0) return '0';
  // The exponent is taken after rounding, as Go does (999.7 at 3 digits is 1e+03).
  const [mantissa, exp] = value.toExponential(precision - 1).split('e');
  const e = Number(exp);
  if (e < -4 || e >= precision) {
    const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const fixed = value.toPrecision(precision);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** go-units HumanSizeWithPrecision: base 1000, `%.*g` plus the unit, no space. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  let value = size;
  let i = 0;
  while (value >= 1000 && i < DECIMAL_UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return `${formatG(value, precision)}${DECIMAL_UNITS[i]}`;
}

/** go-units HumanSize (precision 4), as `image prune` and pull progress print sizes. */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}
