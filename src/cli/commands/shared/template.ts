/**
 * Runs a user's `--format` over values and prints one result per value;
 * a bad template is reported as docker does (`template parsing error: …`).
 */
import type { DockerContext } from '../../context.js';
import { StatusError } from '../../argv/status.js';
import { compileTemplate, TemplateError } from '../../formatter/template/index.js';

export function renderTemplateForCommand(format: string, values: readonly unknown[], ctx: DockerContext, parseExit = 1): number {
  let template;
  try {
    template = compileTemplate(format === 'json' ? '{{json .}}' : format.replaceAll('\\t', '\t').replaceAll('\\n', '\n'));
  } catch (error) {
    if (error instanceof TemplateError) throw new StatusError(`template parsing error: ${error.message}`, parseExit);
    throw error;
  }
  for (const value of values) {
    try {
      ctx.stdout.write(`${template.execute(value)}\n`);
    } catch (error) {
      if (error instanceof TemplateError) throw new StatusError(error.message, 1);
      throw error;
    }
  }
  return 0;
}
