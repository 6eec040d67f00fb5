/**
 * docker/cli's formatter.Context: a `--format` string is either `table`
 * (default columns), `table <template>`, `json`, or a raw template. Table
 * output gets a header row (the template run over the header names) and
 * goes through the tabwriter; raw templates print one line per row.
 */
import { compileTemplate } from './template/index.js';
import { tabwrite } from './tabwriter.js';

export interface FormatSpec {
  /** The user's `--format`, or undefined for the command's default. */
  readonly format: string | undefined;
  /** The default table template, e.g. `table {{.ID}}\t{{.Image}}…`. */
  readonly defaultTable: string;
  /** Field name → header text (`ID` → `CONTAINER ID`). */
  readonly headers: Readonly<Record<string, string>>;
  /** What `--format json` prints per row; `{{json .}}` by default. */
  readonly jsonTemplate?: string;
}

function unescape(format: string): string {
  return format.replaceAll('\\t', '\t').replaceAll('\\n', '\n');
}

/** Renders rows (template contexts) per the format; throws TemplateError for bad templates. */
export function renderRows(spec: FormatSpec, rows: readonly unknown[]): string {
  let format = spec.format ?? spec.defaultTable;
  if (format === 'table') format = spec.defaultTable;
  if (format === 'json') format = spec.jsonTemplate ?? '{{json .}}';
  const isTable = format.startsWith('table');
  let body = isTable ? format.slice('table'.length) : format;
  body = unescape(body.replace(/^ +| +$/g, ''));
  const template = compileTemplate(body);
  const lines = rows.map((row) => `${template.execute(row)}\n`).join('');
  if (!isTable) return lines;
  const header = `${template.executeHeader(spec.headers)}\n`;
  return tabwrite(header + lines);
}
