import type { ContainerSummary, PortSummary } from '../api.js';
import type { EngineContext } from '../context.js';
import type { ContainerRecord } from './model.js';
import { commandText, statusText } from './model.js';

/** Image lookups shared by the rows of one listing: many containers use the same few images. */
export class ImageLookups {
  private readonly refs = new Map<string, string | undefined>();
  private readonly sizes = new Map<string, number>();

  constructor(private readonly ctx: EngineContext) {}

  /** The image ID a reference resolves to now. */
  resolve(ref: string, usedId?: string): string | undefined {
    // A `name:tag` the container's image still carries resolves to it: no reference parsing
    // for the common listing where each container was created from its own tag.
    if (usedId !== undefined && !ref.startsWith('sha256:') && this.ctx.images.record(usedId)?.tags.includes(ref)) return usedId;
    if (!this.refs.has(ref)) this.refs.set(ref, this.ctx.images.find(ref)?.id);
    return this.refs.get(ref);
  }

  size(imageId: string): number {
    let size = this.sizes.get(imageId);
    if (size === undefined) {
      size = (this.ctx.images.layersOf(imageId) ?? []).reduce((n, l) => n + l.size, 0);
      this.sizes.set(imageId, size);
    }
    return size;
  }
}

/** A container's command is fixed at creation: joined once, not at every listing of a thousand rows. */
const commands = new WeakMap<ContainerRecord, string>();

function command(c: ContainerRecord): string {
  let text = commands.get(c);
  if (text === undefined) {
    text = commandText(c.path, c.args);
    commands.set(c, text);
  }
  return text;
}

export interface SummaryOptions {
  readonly now: number;
  readonly running: boolean;
  readonly attached: boolean;
  /** Work out the sizes (`docker ps -s`): a walk of the container's writable layer, which the daemon too only does when asked. */
  readonly size: boolean;
}

/** One `docker ps` row. IMAGE falls back to the short image ID once the typed reference points elsewhere (daemon/list.go refreshImage). */
export function summarize(c: ContainerRecord, ctx: EngineContext, { now, running, attached, size }: SummaryOptions, lookups = new ImageLookups(ctx)): ContainerSummary {
  const currentId = lookups.resolve(c.imageRef, c.imageId);
  const sizeRw = size ? c.fs.upperSize() : 0;
  return {
    id: c.id,
    name: c.name,
    image: currentId === c.imageId ? c.imageRef : c.imageId.replace(/^sha256:/, '').slice(0, 12),
    imageId: c.imageId,
    command: command(c),
    created: c.created,
    state: c.state.status,
    status: statusText(c.state, now),
    ports: summaryPorts(c, running),
    labels: c.config.labels,
    sizeRw,
    sizeRootFs: size ? lookups.size(c.imageId) + sizeRw : 0,
    attached,
  };
}

/**
 * `docker ps` port data (daemon/container/view.go): only while running; one
 * row per bound address, and exposed-but-unpublished ports without a public port.
 */
export function summaryPorts(c: ContainerRecord, running: boolean): PortSummary[] {
  if (!running) return [];
  const out: PortSummary[] = [];
  for (const b of c.bindings) out.push({ privatePort: b.containerPort, publicPort: b.hostPort, ip: b.hostIp, type: b.proto });
  for (const exposed of c.config.exposedPorts) {
    const [port, proto = 'tcp'] = exposed.split('/');
    if (!c.bindings.some((b) => b.containerPort === Number(port) && b.proto === proto)) out.push({ privatePort: Number(port), type: proto });
  }
  // IPv4 rows before IPv6 ones, as the daemon binds them.
  const v6 = (p: PortSummary): number => (p.ip?.includes(':') ? 1 : 0);
  return out.sort((a, b) => a.privatePort - b.privatePort || a.type.localeCompare(b.type) || v6(a) - v6(b) || (a.publicPort ?? 0) - (b.publicPort ?? 0));
}
