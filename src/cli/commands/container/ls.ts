import type { ContainerSummary } from '../../../engine/index.js';
import { loading, loadOnce } from '../../../os/lazy.js';
import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { defaultPsTable } from '../../formatter/containers.js';
import { TABLE_FORMAT_USAGE } from '../shared/formatFlag.js';

/** Go templates (`--format`, `-q`), imported the first time one is used: a plain `docker ps` answers without them. */
const templated = loadOnce(() => import('./lsFormat.js'));

export const lsCommand: CommandSpec = {
  name: 'ls',
  use: '[OPTIONS]',
  short: 'List containers',
  aliases: ['list', 'ps'],
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', kind: 'bool', usage: 'Show all containers (default shows just running)' },
    { long: 'filter', short: 'f', kind: 'list', varName: 'filter', usage: 'Filter output based on conditions provided' },
    { long: 'format', kind: 'string', usage: TABLE_FORMAT_USAGE },
    { long: 'last', short: 'n', kind: 'int', usage: 'Show n last created containers (includes all states)', def: '-1' },
    { long: 'latest', short: 'l', kind: 'bool', usage: 'Show the latest created container (includes all states)' },
    { long: 'no-trunc', kind: 'bool', usage: "Don't truncate output" },
    { long: 'quiet', short: 'q', kind: 'bool', usage: 'Only display container IDs' },
    { long: 'size', short: 's', kind: 'bool', usage: 'Display total file sizes' },
  ],
  async run({ flags }, ctx) {
    let last = flags.int('last') ?? -1;
    if (flags.bool('latest')) last = 1;
    const filters = parseFilters(flags.list('filter'));
    // The daemon lists every state as soon as a status filter is given (daemon/list.go).
    const all = flags.bool('all') || last > 0 || filters.has('status');
    const format = flags.string('format');
    const quiet = flags.bool('quiet');
    let size = flags.bool('size');
    if (format && quiet) ctx.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    const templates = format || quiet ? await loading(ctx.clock, templated()) : undefined;
    if (format) {
      templates?.validateTemplate(format);
      // A template that uses .Size asks for sizes unless --size=false was given.
      if (!quiet && !flags.changed('size') && /\.Size\b/.test(format)) size = true;
    }
    let rows = ctx.engine.containers.list({ all, size });
    for (const [key, values] of filters) rows = rows.filter((row) => values.some((value) => matches(row, key, value)));
    if (last > 0) rows = rows.slice(0, last);
    const options = { format, quiet, size, noTrunc: flags.bool('no-trunc'), now: ctx.clock.now() };
    ctx.stdout.write(templates ? templates.formatPsRows(rows, options) : defaultPsTable(rows, options));
    return 0;
  },
};

const FILTER_KEYS = new Set(['status', 'name', 'id', 'ancestor', 'label']);
/** container.IsValidStateString */
const STATES = new Set(['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']);

/**
 * The few `--filter` keys a student meets: status, name, id, ancestor, label.
 * Values of one key are alternatives; different keys must all match.
 */
function parseFilters(raw: readonly string[]): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (const filter of raw) {
    const eq = filter.indexOf('=');
    if (eq < 0) throw new StatusError(`bad format of filter (expected name=value)`, 1);
    const key = filter.slice(0, eq).toLowerCase();
    const value = filter.slice(eq + 1);
    filters.set(key, [...(filters.get(key) ?? []), value]);
  }
  for (const [key, values] of filters) {
    if (!FILTER_KEYS.has(key)) throw new StatusError(`Error response from daemon: invalid filter '${key}'`, 1);
    const bad = key === 'status' ? values.find((v) => !STATES.has(v)) : undefined;
    if (bad !== undefined) throw new StatusError(`Error response from daemon: invalid filter 'status=${bad}'`, 1);
  }
  return filters;
}

function matches(row: ContainerSummary, key: string, value: string): boolean {
  switch (key) {
    case 'status':
      return row.state === value;
    case 'name':
      return row.name.includes(value);
    case 'id':
      return row.id.startsWith(value);
    case 'ancestor':
      return row.image === value || row.image.split(':')[0] === value || row.imageId.includes(value);
    default: {
      const [k, v] = value.split('=');
      return k in row.labels && (v === undefined || row.labels[k] === v);
    }
  }
}
