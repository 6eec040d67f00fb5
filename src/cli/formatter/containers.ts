/**
 * `docker ps` rows: docker/cli's ContainerContext (formatter/container.go)
 * as a template context, and the command's default table.
 */
import type { ContainerSummary } from '../../engine/index.js';
import { humanDuration, humanSizeWithPrecision } from '../engineHelpers.js';
import { displayablePorts } from './ports.js';
import { ellipsis, goQuote, goTimeString, truncateId } from './displayText.js';
import { tabwriteRows } from './tabwriter.js';
import { structValue } from './template/struct.js';

export const CONTAINER_HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

export interface PsOptions {
  readonly format?: string;
  readonly quiet?: boolean;
  readonly size?: boolean;
  readonly noTrunc?: boolean;
  /** The engine clock's now, for CREATED. */
  readonly now: number;
}

const JSON_FIELDS = ['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Platform', 'Ports', 'RunningFor', 'Size', 'State', 'Status'] as const;

/**
 * One row's template context. Methods live on the prototype, not in
 * per-row closures: `ps -a` builds a thousand of these per call.
 */
class ContainerContext {
  // Private names, so a template cannot reach them as fields.
  readonly #c: ContainerSummary;
  readonly #trunc: boolean;
  readonly #now: number;

  constructor(c: ContainerSummary, trunc: boolean, now: number) {
    this.#c = c;
    this.#trunc = trunc;
    this.#now = now;
  }

  ID(): string {
    return this.#trunc ? truncateId(this.#c.id) : this.#c.id;
  }
  Names(): string {
    return this.#c.name;
  }
  Image(): string {
    const image = this.#c.image;
    if (image === '') return '<no image>';
    return this.#trunc && /^(sha256:)?[0-9a-f]{64}$/.test(image) ? truncateId(image) : image;
  }
  Command(): string {
    return this.#trunc ? truncatedCommand(this.#c.command) : goQuote(this.#c.command);
  }
  CreatedAt(): string {
    return goTimeString(this.#c.created);
  }
  RunningFor(): string {
    return `${humanDuration(this.#now - this.#c.created)} ago`;
  }
  Ports(): string {
    return displayablePorts(this.#c.ports);
  }
  State(): string {
    return this.#c.state;
  }
  Status(): string {
    return this.#c.status;
  }
  Size(): string {
    const rw = humanSizeWithPrecision(this.#c.sizeRw, 3);
    return this.#c.sizeRootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(this.#c.sizeRootFs, 3)})` : rw;
  }
  Labels(): string {
    return Object.entries(this.#c.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
  /** `{{.Label "maintainer"}}`: a method with an argument, as in docker/cli. */
  Label(name: string): string {
    return this.#c.labels[name] ?? '';
  }
  Mounts(): string {
    return '';
  }
  LocalVolumes(): string {
    return '0';
  }
  Networks(): string {
    return 'bridge';
  }
  Platform(): string {
    return '';
  }
  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of JSON_FIELDS) out[key] = this[key]();
    return out;
  }
}
structValue('*formatter.ContainerContext', ContainerContext.prototype);

/**
 * COMMAND as the default table shows it, by command: `docker ps -a` with
 * 1,000 containers quoted and cut a thousand commands per listing, most of
 * them the same few. Bounded, since commands come and go with containers.
 */
const truncatedCommands = new Map<string, string>();
const TRUNCATED_COMMANDS_KEPT = 4096;

function truncatedCommand(command: string): string {
  let cell = truncatedCommands.get(command);
  if (cell === undefined) {
    cell = goQuote(ellipsis(command, 20));
    if (truncatedCommands.size >= TRUNCATED_COMMANDS_KEPT) truncatedCommands.clear();
    truncatedCommands.set(command, cell);
  }
  return cell;
}

export function containerContext(c: ContainerSummary, trunc: boolean, now: number): ContainerContext {
  return new ContainerContext(c, trunc, now);
}

/** The template `ps` prints with (and the default table for `table`), or undefined for its default table. */
export function psTemplate(options: Omit<PsOptions, 'now'>): { readonly format: string; readonly defaultTable: string } | undefined {
  let format = options.format;
  if (options.quiet && (format === undefined || format === '' || format === 'table')) format = '{{.ID}}';
  const base = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';
  const defaultTable = options.size ? `${base}\\t{{.Size}}` : base;
  if (format === undefined || format === '' || format === 'table') return undefined;
  return { format, defaultTable };
}

/**
 * The default table written directly: what its template prints, without
 * interpreting it a thousand times for `ps -a` (PRODUCT.md §7 budget).
 */
export function defaultPsTable(rows: readonly ContainerSummary[], options: PsOptions): string {
  const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
  const table: string[][] = [options.size ? [...header, 'SIZE'] : header];
  for (const row of rows) {
    const c = containerContext(row, !options.noTrunc, options.now);
    const cells = [c.ID(), c.Image(), c.Command(), c.RunningFor(), c.Status(), c.Ports(), c.Names()];
    if (options.size) cells.push(c.Size());
    table.push(cells);
  }
  return tabwriteRows(table);
}
