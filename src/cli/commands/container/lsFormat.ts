/**
 * `docker ps` through Go templates (`--format`, `-q`): the template engine
 * is imported with this module, on the first such command (ls.ts).
 */
import type { ContainerSummary } from '../../../engine/index.js';
import { StatusError } from '../../argv/status.js';
import { containerContext, type PsOptions } from '../../formatter/containers.js';
import { formatPs } from '../../formatter/ps.js';
import { compileTemplate, TemplateError } from '../../formatter/template/index.js';

/** The rows in the given format; a template that fails to run is docker's exit status 1. */
export function formatPsRows(rows: readonly ContainerSummary[], options: PsOptions): string {
  try {
    return formatPs(rows, options);
  } catch (error) {
    if (error instanceof TemplateError) throw new StatusError(error.message, 1);
    throw error;
  }
}

/** docker ps checks a --format before listing: parsed, then run once over an empty row. */
export function validateTemplate(format: string): void {
  let template;
  try {
    template = compileTemplate(format);
  } catch (error) {
    if (error instanceof TemplateError) throw new StatusError(`failed to parse template: ${error.message}`, 1);
    throw error;
  }
  const empty: ContainerSummary = {
    id: '',
    name: '',
    image: '',
    imageId: '',
    command: '',
    created: 0,
    state: 'created',
    status: '',
    ports: [],
    labels: {},
    sizeRw: 0,
    sizeRootFs: 0,
    attached: false,
  };
  try {
    template.execute(containerContext(empty, true, 0));
  } catch (error) {
    if (error instanceof TemplateError) throw new StatusError(`failed to execute template: ${error.message}`, 1);
    throw error;
  }
}
