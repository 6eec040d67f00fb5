/**
 * How the client words a failure: daemon errors get the API client's
 * `Error response from daemon: ` prefix, client-side ones print as they are.
 */
import { isEngineError } from '../../../engine/index.js';

export function errorText(error: unknown): string {
  if (isEngineError(error)) return `Error response from daemon: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export function isNotFound(error: unknown): boolean {
  return isEngineError(error) && error.category === 'notFound';
}
