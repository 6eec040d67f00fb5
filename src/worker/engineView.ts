/**
 * The engine panel's picture of the engine, computed in the worker so that
 * only a small summary crosses to the UI (never the whole snapshot).
 *
 * With 1,000 images and containers the full picture took ~90 ms in the worker
 * and ~80 ms of React work in the page after every command, in front of the
 * next keystroke. So an image's layer stack is computed once per image ID
 * (an ID is the digest of the config that holds the history and the layers,
 * so the stack never changes), and the lists stop at the number the panel
 * shows, with the totals beside them.
 */
import type { BuildRecord, CacheMissReason, ContainerSummary, EngineApi, PortSummary } from '../engine/index.js';
import type { BuildView, ContainerView, EngineView, ImageView, LayerView } from './protocol.js';

// History rows carry no empty_layer flag through the public API; these are the
// instructions that produce a filesystem layer.
const LAYER_STEP = /^(RUN|COPY|ADD|WORKDIR)\b|^\/bin\/sh -c (?!#\(nop\))|#\(nop\) (ADD|COPY)\b|^ADD file:/;

function rootLayers(engine: EngineApi, id: string): string[] {
  const inspect = engine.images.inspect(id) as { RootFS?: { Layers?: unknown } };
  const layers = inspect.RootFS?.Layers;
  return Array.isArray(layers) ? layers.filter((l): l is string => typeof l === 'string') : [];
}

type Stack = readonly Omit<LayerView, 'shared'>[];

function imageLayers(engine: EngineApi, id: string): Stack {
  const diffIds = rootLayers(engine, id);
  const rows = [...engine.images.history(id)].reverse();
  const isLayer = rows.map((row) => row.size > 0 || LAYER_STEP.test(row.createdBy));
  // When the guess disagrees with the real layer count, trust sizes alone.
  const guessed = isLayer.filter(Boolean).length;
  const picks = guessed === diffIds.length ? isLayer : rows.map((row) => row.size > 0);
  let next = 0;
  return rows.map((row, i) => {
    const diffId = picks[i] && next < diffIds.length ? diffIds[next++] : '';
    return { diffId, createdBy: row.createdBy, size: row.size, empty: diffId === '' };
  });
}

function portText(port: PortSummary): string {
  if (port.publicPort === undefined) return `${port.privatePort}/${port.type}`;
  const ip = port.ip && port.ip.includes(':') ? `[${port.ip}]` : (port.ip ?? '0.0.0.0');
  return `${ip}:${port.publicPort}->${port.privatePort}/${port.type}`;
}

function containerView(summary: ContainerSummary): ContainerView {
  const published = new Set<number>();
  for (const port of summary.ports) if (port.publicPort !== undefined) published.add(port.publicPort);
  return {
    id: summary.id,
    name: summary.name,
    image: summary.image,
    state: summary.state,
    status: summary.status,
    ports: summary.ports.map(portText),
    publishedPorts: [...published].sort((a, b) => a - b),
    attached: summary.attached,
  };
}

export function missReason(reason: CacheMissReason | undefined): string {
  switch (reason?.kind) {
    case undefined:
      return '';
    case 'no-cache':
      return 'built with --no-cache';
    case 'first-build':
      return 'not in the build cache yet';
    case 'instruction-changed':
      return 'the instruction changed';
    case 'files-changed':
      return `files changed: ${reason.files.join(', ')}`;
    case 'parent-missed':
      return `step ${reason.step} above ran, so everything after it runs again`;
    case 'env-changed':
      return 'a build argument or environment value changed';
  }
}

export function buildView(record: BuildRecord): BuildView {
  return {
    tags: record.tags,
    imageId: record.imageId,
    error: record.error,
    steps: record.steps.map((step) => ({
      stage: step.stage,
      index: step.index,
      total: step.total,
      instruction: step.instruction,
      cached: step.cached,
      reason: step.cached ? '' : missReason(step.reason),
    })),
  };
}

function previewPorts(containers: readonly ContainerSummary[]): number[] {
  const ports = new Set<number>();
  for (const c of containers) if (c.state === 'running') for (const port of c.ports) if (port.publicPort !== undefined) ports.add(port.publicPort);
  return [...ports].sort((a, b) => a - b);
}

/** Engine views with the layer stacks remembered by image ID (one per worker: spaces share content-addressed IDs). */
export class EngineViews {
  private stacks = new Map<string, Stack>();

  /** The engine as the panel shows it: at most `limit` images and containers (newest first, as docker lists them), every count and port. */
  view(engine: EngineApi, limit = Infinity): EngineView {
    const summaries = engine.images.list();
    const known = this.stacks;
    // Rebuilt each time, so removed images do not stay remembered.
    this.stacks = new Map(summaries.map((summary) => [summary.id, known.get(summary.id) ?? imageLayers(engine, summary.id)]));
    const holders = new Map<string, number>();
    for (const layers of this.stacks.values()) {
      for (const diffId of new Set(layers.map((l) => l.diffId).filter((d) => d !== ''))) holders.set(diffId, (holders.get(diffId) ?? 0) + 1);
    }
    const images: ImageView[] = summaries.slice(0, limit).map((summary) => ({
      id: summary.id,
      tags: summary.repoTags,
      size: summary.size,
      layers: (this.stacks.get(summary.id) ?? []).map((layer) => ({ ...layer, shared: layer.diffId !== '' && (holders.get(layer.diffId) ?? 0) > 1 })),
    }));
    const containers = engine.containers.list({ all: true });
    const last = engine.builder.lastBuild();
    return {
      images,
      imageCount: summaries.length,
      containers: containers.slice(0, limit).map(containerView),
      containerCount: containers.length,
      previewPorts: previewPorts(containers),
      lastBuild: last ? buildView(last) : undefined,
    };
  }
}

/** The whole picture, uncached (tests, and callers that look once). */
export function engineView(engine: EngineApi, limit = Infinity): EngineView {
  return new EngineViews().view(engine, limit);
}
