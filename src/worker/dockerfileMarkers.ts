/**
 * Editor markers for a Dockerfile from the engine's own parser and build
 * checks, so the editor shows the words the build would print.
 */
import { isDockerfileParseError, lintDockerfile, parseDockerfile, parseInstructions } from '../engine/dockerfile/index.js';
import type { EditorMarker } from './protocol.js';

const INSTALL = /^\s*RUN\b.*\b(npm (install|ci|i)\b|yarn( install)?\b|pip3? install\b|pnpm install\b|bundle install\b)/i;
const COPY_ALL = /^\s*(COPY|ADD)\s+(--\S+\s+)*\.\s+\S+\s*$/i;

/**
 * Slipway's hint: copying the whole context before the dependency install
 * makes every source edit re-run the install.
 */
function copyBeforeInstallHints(text: string): EditorMarker[] {
  const lines = text.split('\n');
  const hints: EditorMarker[] = [];
  let copyLine = 0;
  lines.forEach((line, i) => {
    if (/^\s*FROM\b/i.test(line)) copyLine = 0;
    else if (COPY_ALL.test(line)) copyLine = copyLine || i + 1;
    else if (copyLine > 0 && INSTALL.test(line)) {
      hints.push({
        severity: 'info',
        source: 'slipway',
        startLine: copyLine,
        endLine: copyLine,
        message:
          'The whole build context is copied before the dependency install on line ' +
          `${i + 1}: any file edit invalidates the cache for the install. Copy the dependency manifest first, install, then copy the rest.`,
      });
      copyLine = 0;
    }
  });
  return hints;
}

export function dockerfileMarkers(text: string): EditorMarker[] {
  try {
    const result = parseDockerfile(text);
    const markers: EditorMarker[] = [];
    try {
      parseInstructions(result);
    } catch (error) {
      markers.push(errorMarker(error));
    }
    for (const warning of lintDockerfile(result)) {
      markers.push({
        severity: 'warning',
        source: warning.rule,
        message: `${warning.rule}: ${warning.message}`,
        startLine: Math.max(1, warning.line),
        endLine: Math.max(1, warning.endLine || warning.line),
        url: warning.url,
      });
    }
    return [...markers, ...copyBeforeInstallHints(text)];
  } catch (error) {
    return [errorMarker(error)];
  }
}

function errorMarker(error: unknown): EditorMarker {
  const message = error instanceof Error ? error.message : String(error);
  const lineFromText = /on line (\d+)/.exec(message);
  const start = isDockerfileParseError(error) && error.startLine > 0 ? error.startLine : lineFromText ? Number(lineFromText[1]) : 1;
  const end = isDockerfileParseError(error) && error.endLine >= start ? error.endLine : start;
  return { severity: 'error', source: 'dockerfile', message, startLine: start, endLine: end };
}
