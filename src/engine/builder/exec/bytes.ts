/**
 * Byte counts as BuildKit's progress prints them (tonistiigi/units `%.2f`):
 * decimal units, `227B`, `4.60kB`, `12.58MB`.
 */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(2)}${units[u]}`;
}
