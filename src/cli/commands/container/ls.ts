import type { ContainerSummary } from '../../../engine/index.js';
import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { containerContext, formatPs } from '../../formatter/containers.js';
import { compileTemplate, TemplateError } from '../../formatter/template/index.js';
import { TABLE_FORMAT_USAGE } from '../shared/formatFlag.js';

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
    const all = flags.bool('all') || last > 0;
    let rows = ctx.engine.containers.list({ all });
    for (const filter of flags.list('filter')) rows = applyFilter(rows, filter);
    if (last > 0) rows = rows.slice(0, last);
    const format = flags.string('format');
    const quiet = flags.bool('quiet');
    let size = flags.bool('size');
    if (format && quiet) ctx.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    if (format) {
      validateTemplate(format);
      // A template that uses .Size asks for sizes unless --size=false was given.
      if (!quiet && !flags.changed('size') && /\.Size\b/.test(format)) size = true;
    }
    try {
      ctx.stdout.write(
        formatPs(rows, {
          format,
          quiet,
          size,
          noTrunc: flags.bool('no-trunc'),
          now: ctx.clock.now(),
        }),
      );
    } catch (error) {
      if (error instanceof TemplateError) throw new StatusError(error.message, 1);
      throw error;
    }
    return 0;
  },
};

type Rows = ContainerSummary[];

/** docker ps checks a --format before listing: parsed, then run once over an empty row. */
function validateTemplate(format: string): void {
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

/** The few `--filter` keys a student meets: status, name, id, ancestor, label. */
function applyFilter(rows: Rows, filter: string): Rows {
  const eq = filter.indexOf('=');
  if (eq < 0) throw new StatusError(`bad format of filter (expected name=value)`, 1);
  const key = filter.slice(0, eq).toLowerCase();
  const value = filter.slice(eq + 1);
  switch (key) {
    case 'status':
      return rows.filter((r) => r.state === value);
    case 'name':
      return rows.filter((r) => r.name.includes(value));
    case 'id':
      return rows.filter((r) => r.id.startsWith(value));
    case 'ancestor':
      return rows.filter((r) => r.image === value || r.image.split(':')[0] === value || r.imageId.includes(value));
    case 'label': {
      const [k, v] = value.split('=');
      return rows.filter((r) => k in r.labels && (v === undefined || r.labels[k] === v));
    }
    default:
      throw new StatusError(`Error response from daemon: invalid filter '${key}'`, 1);
  }
}
