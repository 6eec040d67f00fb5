/**
 * The engine's only public entry point. The CLI, the worker and lesson checks
 * import from here and nowhere else under src/engine.
 */
export * from './api.js';
export { Engine, type EngineOptions } from './Engine.js';
export { EngineError, isEngineError, type EngineErrorCategory } from './errors/EngineError.js';
export type { HttpRequest, HttpResponse } from './net/http.js';
export { BuildFailure, isBuildFailure, type BuildFailureDetails, type BuildFailureSource } from './builder/BuildFailure.js';
export { humanDuration, humanSize, humanSizeWithPrecision } from './units.js';
export { parsePortSpecs } from './net/ports.js';
export { loadCatalogue } from './registry/catalogue/index.js';
export { ConnectionRefused, isConnectionRefused } from './net/network.js';
export { validateContainerName } from './containers/names.js';
export { setShellFactory, type ShellFactory, type ShellHost, type ShellHostOptions } from './programs/shellHost.js';
export { canonicalString, familiarName, familiarString, normalizeTagged, parseReference, withDefaultTag, type Reference } from './reference/reference.js';
/** Go's strconv.Quote, the quoting Docker prints in errors, history and dumps. */
export { goQuote } from './dockerfile/parser/goQuote.js';
/** Byte counts as BuildKit's progress prints them (`227B`, `4.60kB`, `12.58MB`). */
export { formatBytes as buildkitBytes } from './builder/exec/bytes.js';
