/** `docker history`: docker/cli's historyContext and default table. */
import { humanDuration, humanSizeWithPrecision } from '../engineHelpers.js';
import { ellipsis, truncateId } from './displayText.js';
import { renderRows } from './render.js';
import { structValue } from './template/index.js';

export interface HistoryRow {
  readonly id: string;
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

export interface HistoryOptions {
  readonly format?: string;
  readonly quiet?: boolean;
  readonly noTrunc?: boolean;
  readonly human?: boolean;
  readonly now: number;
}

const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };

export function formatHistory(rows: readonly HistoryRow[], options: HistoryOptions): string {
  const trunc = !options.noTrunc;
  const human = options.human ?? true;
  let format = options.format;
  if (options.quiet && (!format || format === 'table')) format = '{{.ID}}';
  const contexts = rows.map((h) => {
    const fields = {
      ID: () => (h.id === '' || h.id === '<missing>' ? '<missing>' : trunc ? truncateId(h.id) : h.id),
      CreatedSince: () => (human ? `${humanDuration(options.now - h.created)} ago` : new Date(h.created).toISOString().replace('.000Z', 'Z')),
      CreatedAt: () => new Date(h.created).toISOString().replace('.000Z', 'Z'),
      CreatedBy: () => {
        const text = h.createdBy.replaceAll('\t', ' ');
        return trunc ? ellipsis(text, 45) : text;
      },
      Size: () => (human ? humanSizeWithPrecision(h.size, 3) : String(h.size)),
      Comment: () => h.comment,
      toJSON: () => ({ Comment: h.comment, CreatedAt: fields.CreatedAt(), CreatedBy: fields.CreatedBy(), CreatedSince: fields.CreatedSince(), ID: fields.ID(), Size: fields.Size() }),
    };
    return structValue('*formatter.historyContext', fields);
  });
  return renderRows({ format: format || undefined, defaultTable: 'table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}', headers: HEADERS }, contexts);
}
