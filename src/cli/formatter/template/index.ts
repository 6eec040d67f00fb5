/**
 * Go text/template, as far as docker's `--format` needs it. `compileTemplate`
 * throws TemplateError with Go's parse error text; `execute` throws it for
 * execution errors.
 */
import { Executor, type TemplateFunc } from './exec.js';
import { BASIC_FUNCS, HEADER_FUNCS } from './funcs.js';
import { parseTemplate, type Node } from './parse.js';

export { TemplateError } from './parse.js';
export { structValue, STRUCT_TYPE } from './exec.js';
export { formatValue } from './values.js';

export interface CompiledTemplate {
  execute(data: unknown): string;
  /** Runs the template with docker's header functions (for `table` headers). */
  executeHeader(data: unknown): string;
}

export function compileTemplate(source: string, funcs: Readonly<Record<string, TemplateFunc>> = BASIC_FUNCS): CompiledTemplate {
  const nodes: Node[] = parseTemplate(source, (name) => name in funcs);
  return {
    execute: (data) => new Executor(funcs).run(nodes, data),
    executeHeader: (data) => new Executor({ ...HEADER_FUNCS }).run(nodes, data),
  };
}
