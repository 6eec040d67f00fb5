/**
 * Read-only views of an image: the API 1.52 `image inspect` object (classic
 * overlay2 store), `docker history` rows and `docker images` summaries.
 */
import type { ContainerConfigFields, ImageConfigFile, ImageSummary } from '../api.js';
import type { ImageRecord } from '../context.js';
import { chainIds } from '../layers/diffId.js';
import { sha256Digest } from '../layers/digest.js';

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's RFC3339Nano: UTC, fractional seconds without trailing zeros. */
export function rfc3339Nano(value: string | number): string {
  const text = typeof value === 'number' ? new Date(value).toISOString() : value;
  return text.replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

/** An image's config never changes: its creation time is parsed once, not at every listing of a thousand images. */
const created = new WeakMap<object, number>();

export function createdMs(image: ImageRecord): number {
  let ms = created.get(image.config);
  if (ms === undefined) {
    ms = Date.parse(image.config.created);
    created.set(image.config, ms);
  }
  return ms;
}

const CONFIG_ORDER: readonly (keyof ContainerConfigFields)[] = [
  'User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell',
];

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** API 1.52 omits unset config fields. */
export function inspectConfig(config: ContainerConfigFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CONFIG_ORDER) if (!isEmpty(config[key])) out[key] = config[key];
  return out;
}

/** overlay2 directory names are random cache IDs in Docker; here they derive from the ChainID. */
function cacheDir(chainId: string): string {
  return `/var/lib/docker/overlay2/${sha256Digest(`cache-id:${chainId}`).slice(7)}`;
}

function graphDriver(image: ImageRecord): Record<string, unknown> {
  const chains = chainIds(image.layers.map((l) => l.diffId));
  if (chains.length === 0) return { Data: null, Name: 'overlay2' };
  const top = cacheDir(chains[chains.length - 1]);
  const lower = chains.slice(0, -1).reverse().map((c) => `${cacheDir(c)}/diff`);
  const data: Record<string, string> = {};
  if (lower.length > 0) data.LowerDir = lower.join(':');
  data.MergedDir = `${top}/merged`;
  data.UpperDir = `${top}/diff`;
  data.WorkDir = `${top}/work`;
  return { Data: data, Name: 'overlay2' };
}

export function inspectImage(image: ImageRecord, size: number): Record<string, unknown> {
  const c = image.config;
  const out: Record<string, unknown> = {
    Id: image.id,
    RepoTags: [...image.tags],
    RepoDigests: [...image.digests],
  };
  // Only `docker commit -m` and import set the top-level comment; build comments live in history.
  const comment = (c as ImageConfigFile & { comment?: string }).comment;
  if (comment) out.Comment = comment;
  out.Created = rfc3339Nano(c.created);
  if (c.author) out.Author = c.author;
  out.Config = inspectConfig(c.config);
  out.Architecture = c.architecture;
  out.Os = c.os;
  out.Size = size;
  out.GraphDriver = graphDriver(image);
  out.RootFS = { Type: 'layers', Layers: [...c.rootfs.diff_ids] };
  out.Metadata = { LastTagTime: image.lastTagTime ? rfc3339Nano(image.lastTagTime) : ZERO_TIME };
  return out;
}

export interface HistoryRow {
  readonly id: string;
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

/** Newest first; only the top row has an ID (BuildKit images record no parents). */
export function imageHistory(image: ImageRecord): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let layerIndex = 0;
  for (const entry of image.config.history) {
    const size = entry.empty_layer ? 0 : (image.layers[layerIndex++]?.size ?? 0);
    rows.push({ id: '<missing>', created: Date.parse(entry.created), createdBy: entry.created_by ?? '', size, comment: entry.comment ?? '' });
  }
  rows.reverse();
  if (rows.length > 0) rows[0] = { ...rows[0], id: image.id };
  return rows;
}

export function summarize(image: ImageRecord, size: number, containers: number): ImageSummary {
  return { id: image.id, repoTags: [...image.tags], repoDigests: [...image.digests], created: createdMs(image), size, containers };
}
