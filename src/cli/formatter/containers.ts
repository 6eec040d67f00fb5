/**
 * `docker ps` rows: docker/cli's ContainerContext (formatter/container.go)
 * as a template context, and the command's default table.
 */
import type { ContainerSummary } from '../../engine/index.js';
import { humanDuration, humanSizeWithPrecision } from '../engineHelpers.js';
import { displayablePorts } from './ports.js';
import { ellipsis, goQuote, goTimeString, truncateId } from './displayText.js';
import { renderRows } from './render.js';
import { structValue } from './template/index.js';

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

export function containerContext(c: ContainerSummary, trunc: boolean, now: number) {
  const fields = {
    ID: () => (trunc ? truncateId(c.id) : c.id),
    Names: () => c.name,
    Image: () => (c.image === '' ? '<no image>' : trunc && /^(sha256:)?[0-9a-f]{64}$/.test(c.image) ? truncateId(c.image) : c.image),
    Command: () => goQuote(trunc ? ellipsis(c.command, 20) : c.command),
    CreatedAt: () => goTimeString(c.created),
    RunningFor: () => `${humanDuration(now - c.created)} ago`,
    Ports: () => displayablePorts(c.ports),
    State: () => c.state,
    Status: () => c.status,
    Size: () => {
      const rw = humanSizeWithPrecision(c.sizeRw, 3);
      return c.sizeRootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(c.sizeRootFs, 3)})` : rw;
    },
    Labels: () =>
      Object.entries(c.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    Label: (name: string) => c.labels[name] ?? '',
    Mounts: () => '',
    LocalVolumes: () => '0',
    Networks: () => 'bridge',
    Platform: () => '',
    toJSON(): Record<string, string> {
      const out: Record<string, string> = {};
      for (const key of ['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Platform', 'Ports', 'RunningFor', 'Size', 'State', 'Status'] as const) {
        out[key] = fields[key]();
      }
      return out;
    },
  };
  return structValue('*formatter.ContainerContext', fields);
}

export function formatPs(rows: readonly ContainerSummary[], options: PsOptions): string {
  let format = options.format;
  if (options.quiet && (format === undefined || format === '' || format === 'table')) format = '{{.ID}}';
  const base = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';
  const defaultTable = options.size ? `${base}\\t{{.Size}}` : base;
  return renderRows(
    { format: format || undefined, defaultTable, headers: CONTAINER_HEADERS },
    rows.map((c) => containerContext(c, !options.noTrunc, options.now)),
  );
}
