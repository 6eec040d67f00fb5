/**
 * The engine helpers the CLI formats and validates with (go-units sizes and
 * durations, port specs, references), gathered in one place so commands and
 * formatters import them the same way.
 */
export {
  canonicalString,
  familiarString,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  parsePortSpecs,
  parseReference,
  withDefaultTag,
} from '../engine/index.js';
