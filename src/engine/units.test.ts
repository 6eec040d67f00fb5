import { describe, expect, it } from 'vitest';
import { humanDuration, humanSize, humanSizeWithPrecision } from './units.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const W = 7 * D;
const Y = 365 * D;

describe('humanDuration (go-units duration_test.go)', () => {
  it.each([
    [450, 'Less than a second'],
    [1 * S, '1 second'],
    [2 * S, '2 seconds'],
    [47 * S, '47 seconds'],
    [59 * S, '59 seconds'],
    [1 * M, 'About a minute'],
    [3 * M, '3 minutes'],
    [35 * M, '35 minutes'],
    [35 * M + 40 * S, '35 minutes'],
    [1 * H, 'About an hour'],
    [1 * H + 45 * M, '2 hours'],
    [3 * H, '3 hours'],
    [3 * H + 59 * M, '4 hours'],
    [3 * H + 60 * M, '4 hours'],
    [24 * H, '24 hours'],
    [24 * H + 12 * H, '36 hours'],
    [2 * D, '2 days'],
    [7 * D, '7 days'],
    [13 * D + 5 * H, '13 days'],
    [2 * W, '2 weeks'],
    [2 * W + 4 * D, '2 weeks'],
    [3 * W, '3 weeks'],
    [4 * W, '4 weeks'],
    [4 * W + 3 * D, '4 weeks'],
    [30 * D, '4 weeks'],
    [60 * D, '2 months'],
    [1 * Y, '12 months'],
    [1 * Y + 2 * W, '12 months'],
    [2 * Y, '2 years'],
    [3 * Y + 2 * M, '3 years'],
    [3 * Y + 60 * D, '3 years'],
    [10 * Y, '10 years'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('humanSize (go-units size_test.go)', () => {
  const KB = 1000;
  const MB = 1000 * KB;
  const GB = 1000 * MB;
  const TB = 1000 * GB;
  const PB = 1000 * TB;
  it.each([
    [1000, '1kB'],
    [1024, '1.024kB'],
    [1000000, '1MB'],
    [1048576, '1.049MB'],
    [2 * MB, '2MB'],
    [3.42 * GB, '3.42GB'],
    [5.372 * TB, '5.372TB'],
    [2.22 * PB, '2.22PB'],
    [1e21, '1ZB'],
    [10000000000000 * PB, '1e+04YB'],
    [0, '0B'],
    [7, '7B'],
  ])('%d → %s', (size, text) => {
    expect(humanSize(size)).toBe(text);
  });

  it.each([
    [43_210_000, '43.2MB'],
    [187_000_000, '187MB'],
    [1_088_000_000, '1.09GB'],
    [7, '7B'],
    [2048, '2.05kB'],
    [999_700, '1e+03kB'],
    [13_300, '13.3kB'],
  ])('precision 3: %d → %s', (size, text) => {
    expect(humanSizeWithPrecision(size, 3)).toBe(text);
  });
});
