/**
 * `docker images`: the Docker 29 default view (one row per name, IMAGE / ID /
 * DISK USAGE / CONTENT SIZE / EXTRA with `U` for in-use images) and the
 * classic REPOSITORY/TAG table used with --format, -q, --no-trunc, --digests.
 */
import type { ImageSummary } from '../../engine/index.js';
import { humanDuration, humanSizeWithPrecision } from '../engineHelpers.js';
import { goTimeString, truncateId } from './displayText.js';
import { renderRows } from './render.js';
import { structValue } from './template/index.js';

const SPACING = 3;

/** A row of the view: its name, then the ID, DISK USAGE, CONTENT SIZE and EXTRA cells (the fixed columns, in order). */
interface TreeRow {
  readonly name: string;
  readonly cells: readonly string[];
}

/** Code points, as the view counts them; spreading the string only when it holds a surrogate pair keeps 1,000-row listings cheap. */
function codePoints(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 3).join('')}...` : text;
}

/**
 * The last view, with what it was made from: `docker images` typed again
 * over 1,000 images usually lists the same images, and is then the same text
 * (its sorting and padding were a third of the command's time in the worker).
 */
let lastTree: { readonly images: readonly ImageSummary[]; readonly columns: number; readonly text: string } | undefined;

/** Whether the view of `a` is the view of `b`: it shows each image's tags, short ID, size and whether a container uses it. */
function sameView(a: readonly ImageSummary[], b: readonly ImageSummary[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.id !== y.id || x.size !== y.size || x.containers > 0 !== y.containers > 0 || x.repoTags.length !== y.repoTags.length) return false;
    for (let j = 0; j < x.repoTags.length; j++) if (x.repoTags[j] !== y.repoTags[j]) return false;
  }
  return true;
}

/** The v29 default view; `columns` is the terminal width (80 without one). */
export function formatImageTree(images: readonly ImageSummary[], columns = 80): string {
  if (lastTree && lastTree.columns === columns && sameView(lastTree.images, images)) return lastTree.text;
  const text = imageTree(images, columns);
  lastTree = { images, columns, text };
  return text;
}

/** The view made afresh (formatImageTree gives back the last one when nothing in it changed). */
export function imageTree(images: readonly ImageSummary[], columns = 80): string {
  const rows: TreeRow[] = [];
  // Images built on one base share a size: format each size once per listing.
  const sizes = new Map<number, string>();
  for (const image of images) {
    let size = sizes.get(image.size);
    if (size === undefined) {
      size = humanSizeWithPrecision(image.size, 3);
      sizes.set(image.size, size);
    }
    const cells = [truncateId(image.id), size, size, image.containers > 0 ? 'U' : ''];
    if (image.repoTags.length === 0) rows.push({ name: '<untagged>', cells });
    for (const tag of image.repoTags) rows.push({ name: tag, cells });
  }
  rows.sort((a, b) => {
    const au = a.name === '<untagged>';
    const bu = b.name === '<untagged>';
    if (au !== bu) return au ? 1 : -1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  // The values of these columns are ASCII (a hex ID, a size, `U`): padded by length, never clipped.
  const fixed = [
    { title: 'ID', width: 12, align: 'left' as const },
    { title: 'DISK USAGE', width: 10, align: 'right' as const },
    { title: 'CONTENT SIZE', width: 12, align: 'right' as const },
    { title: 'EXTRA', width: 5, align: 'left' as const },
  ];
  let nameWidth = Math.max(20, columns);
  const kept: typeof fixed = [];
  for (const column of fixed) {
    const need = column.width + SPACING;
    if (nameWidth - need < 12) break;
    nameWidth -= need;
    kept.push(column);
  }
  let widest = 'IMAGE'.length;
  for (const r of rows) widest = Math.max(widest, codePoints(r.name));
  nameWidth = Math.min(nameWidth, widest);
  const gap = ' '.repeat(SPACING);
  const name = (text: string): string => {
    const t = clip(text, nameWidth);
    return t + ' '.repeat(Math.max(0, nameWidth - codePoints(t)));
  };
  // One string per row, built by appending, joined once: a 1,000-image listing is this loop (PRODUCT.md §7 round trip).
  const line = (first: string, cells: readonly string[]): string => {
    let text = name(first);
    for (let j = 0; j < kept.length; j++) {
      const column = kept[j];
      text += gap + (column.align === 'right' ? cells[j].padStart(column.width) : cells[j].padEnd(column.width));
    }
    return text;
  };
  const out: string[] = [line('IMAGE', fixed.map((column) => column.title))];
  for (const r of rows) out.push(line(r.name, r.cells));
  return `${out.join('\n')}\n`;
}

export const IMAGE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'SIZE',
};

export interface ImageTableOptions {
  readonly format?: string;
  readonly quiet?: boolean;
  readonly noTrunc?: boolean;
  readonly digests?: boolean;
  readonly now: number;
}

function splitTag(ref: string): [string, string] {
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, '<none>'];
}

function imageRows(images: readonly ImageSummary[], trunc: boolean, now: number) {
  const rows = [];
  for (const image of images) {
    const refs = image.repoTags.length > 0 ? image.repoTags.map(splitTag) : [['<none>', '<none>'] as [string, string]];
    for (const [repo, tag] of refs) {
      const digest = image.repoDigests.find((d) => d.startsWith(`${repo}@`))?.split('@')[1] ?? '<none>';
      const fields = {
        ID: () => (trunc ? truncateId(image.id) : image.id),
        Repository: () => repo,
        Tag: () => tag,
        Digest: () => digest,
        CreatedSince: () => `${humanDuration(now - image.created)} ago`,
        CreatedAt: () => goTimeString(image.created),
        Size: () => humanSizeWithPrecision(image.size, 3),
        VirtualSize: () => humanSizeWithPrecision(image.size, 3),
        SharedSize: () => 'N/A',
        UniqueSize: () => 'N/A',
        Containers: () => String(image.containers),
        toJSON(): Record<string, string> {
          const out: Record<string, string> = {};
          for (const key of ['Containers', 'CreatedAt', 'CreatedSince', 'Digest', 'ID', 'Repository', 'SharedSize', 'Size', 'Tag', 'UniqueSize', 'VirtualSize'] as const) out[key] = fields[key]();
          return out;
        },
      };
      rows.push(structValue('*formatter.imageContext', fields));
    }
  }
  return rows;
}

export function formatImageTable(images: readonly ImageSummary[], options: ImageTableOptions): string {
  let format = options.format;
  if (options.quiet && (!format || format === 'table')) format = '{{.ID}}';
  const defaultTable = options.digests
    ? 'table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}'
    : 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}';
  return renderRows({ format: format || undefined, defaultTable, headers: IMAGE_HEADERS }, imageRows(images, !options.noTrunc, options.now));
}
