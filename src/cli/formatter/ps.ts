/**
 * `docker ps` output in every format: the default table directly, anything
 * else (`--format`, `-q`) through the Go template engine. Imported on first
 * use by the command, so a plain `docker ps` answers without the engine.
 */
import type { ContainerSummary } from '../../engine/index.js';
import { CONTAINER_HEADERS, containerContext, defaultPsTable, psTemplate, type PsOptions } from './containers.js';
import { renderRows } from './render.js';

export function formatPs(rows: readonly ContainerSummary[], options: PsOptions): string {
  const template = psTemplate(options);
  if (!template) return defaultPsTable(rows, options);
  return renderRows(
    { format: template.format, defaultTable: template.defaultTable, headers: CONTAINER_HEADERS },
    rows.map((c) => containerContext(c, !options.noTrunc, options.now)),
  );
}
