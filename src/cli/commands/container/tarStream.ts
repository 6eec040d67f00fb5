/**
 * `docker cp CONTAINER:PATH -` writes the daemon's tar stream to stdout. The
 * terminal streams carry text, so each byte becomes one character (Latin-1):
 * `| wc -c` counts bytes, and a terminal shows binary noise as Docker's does.
 */
import type { ArchiveEntry } from '../../../engine/index.js';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function field(bytes: Uint8Array, offset: number, width: number, text: string): void {
  const encoded = new TextEncoder().encode(text);
  bytes.set(encoded.subarray(0, width), offset);
}

/** A ustar header block (name split into prefix/name past 100 bytes). */
function header(entry: ArchiveEntry): Uint8Array {
  const block = new Uint8Array(BLOCK);
  let name = entry.kind === 'dir' ? `${entry.path}/` : entry.path;
  let prefix = '';
  if (name.length > 100) {
    const cut = name.lastIndexOf('/', name.length - 2 > 155 ? 155 : name.length - 2);
    if (cut > 0) {
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
  }
  const size = entry.kind === 'file' ? (entry.data?.length ?? 0) : 0;
  field(block, 0, 100, name);
  field(block, 100, 8, octal(entry.mode & 0o7777, 8));
  field(block, 108, 8, octal(0, 8));
  field(block, 116, 8, octal(0, 8));
  field(block, 124, 12, octal(size, 12));
  field(block, 136, 12, octal(0, 12));
  field(block, 148, 8, '        ');
  field(block, 156, 1, entry.kind === 'dir' ? '5' : entry.kind === 'symlink' ? '2' : '0');
  if (entry.kind === 'symlink') field(block, 157, 100, entry.target ?? '');
  field(block, 257, 8, 'ustar\u000000');
  field(block, 345, 155, prefix);
  const sum = block.reduce((n, b) => n + b, 0);
  field(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

export function tarBytes(entries: readonly ArchiveEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(header(entry));
    if (entry.kind === 'file' && entry.data && entry.data.length > 0) {
      const padded = new Uint8Array(Math.ceil(entry.data.length / BLOCK) * BLOCK);
      padded.set(entry.data);
      parts.push(padded);
    }
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One character per byte. */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}
