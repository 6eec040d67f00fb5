/**
 * docker/cli's inspector: objects print as one JSON array indented by four
 * spaces (with the daemon encoder's HTML escapes), or, with -f, one template result per object. Objects not found
 * still print (`[]` when none) and their errors follow on stderr, exit 1.
 * A template that does not parse exits 64.
 */
import type { DockerContext } from '../../context.js';
import { StatusError } from '../../argv/status.js';
import { goJsonIndent } from '../../formatter/goJson.js';
import { compileTemplate, TemplateError } from '../../formatter/template/index.js';

export function printInspect(
  refs: readonly string[],
  lookup: (ref: string) => Record<string, unknown>,
  describeError: (ref: string, error: unknown) => string,
  format: string | undefined,
  ctx: DockerContext,
): number {
  let template: ReturnType<typeof compileTemplate> | undefined;
  if (format && format !== 'json') {
    try {
      template = compileTemplate(format.replaceAll('\\t', '\t').replaceAll('\\n', '\n'));
    } catch (error) {
      if (error instanceof TemplateError) throw new StatusError(`template parsing error: ${error.message}`, 64);
      throw error;
    }
  }
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      found.push(lookup(ref));
    } catch (error) {
      errors.push(describeError(ref, error));
    }
  }
  if (template) {
    for (const object of found) {
      try {
        ctx.stdout.write(`${template.execute(object)}\n`);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        errors.push(`template parsing error: ${error.message}`);
      }
    }
  } else {
    ctx.stdout.write(`${found.length === 0 ? '[]' : goJsonIndent(found)}\n`);
  }
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
  return 0;
}
