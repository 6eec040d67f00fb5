import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../api.js';
import { EngineError } from '../errors/EngineError.js';
import { makeImages } from './testing/fakeContext.js';

async function pull(images: ReturnType<typeof makeImages>['images'], ref: string): Promise<{ events: ProgressEvent[]; result: Awaited<ReturnType<typeof images.pull>> }> {
  const events: ProgressEvent[] = [];
  const result = await images.pull(ref, (e) => events.push(e));
  return { events, result };
}

const statusesOf = (events: readonly ProgressEvent[], id: string): string[] => {
  const out: string[] = [];
  for (const e of events) if (e.id === id && out[out.length - 1] !== e.status) out.push(e.status);
  return out;
};

describe('pull', () => {
  it('streams jsonmessage progress and stores the image', async () => {
    const { images, clock, events: bus } = makeImages();
    const start = clock.now();
    const { events, result } = await pull(images, 'node');
    expect(events[0]).toEqual({ id: 'latest', status: 'Pulling from library/node' });
    const layerIds = [...new Set(events.filter((e) => e.id && e.id !== 'latest').map((e) => e.id!))];
    expect(layerIds).toHaveLength(7);
    expect(statusesOf(events, layerIds[0])).toEqual(['Pulling fs layer', 'Downloading', 'Verifying Checksum', 'Download complete', 'Extracting', 'Pull complete']);
    expect(statusesOf(events, layerIds[4])).toEqual(['Pulling fs layer', 'Waiting', 'Downloading', 'Verifying Checksum', 'Download complete', 'Extracting', 'Pull complete']);
    const downloading = events.filter((e) => e.id === layerIds[3] && e.status === 'Downloading');
    expect(downloading.length).toBeGreaterThan(3);
    expect(downloading.at(-1)!.progress!.current).toBe(downloading.at(-1)!.progress!.total);
    expect(events.at(-2)).toEqual({ status: `Digest: ${result.digest}` });
    expect(events.at(-1)).toEqual({ status: 'Status: Downloaded newer image for node:latest' });
    // Layer extraction is strictly in order.
    const completes = events.filter((e) => e.status === 'Pull complete').map((e) => e.id);
    expect(completes).toEqual(layerIds);
    const elapsed = clock.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(800);
    expect(elapsed).toBeLessThanOrEqual(2500);
    expect(result).toMatchObject({ downloaded: true, familiar: 'node:latest', canonical: 'docker.io/library/node:latest' });
    expect(images.list()).toMatchObject([{ id: result.imageId, repoTags: ['node:latest'], repoDigests: [`node@${result.digest}`] }]);
    expect(images.list()[0].size).toBeGreaterThan(1e9);
    expect(bus.at(-1)).toMatchObject({ type: 'image', action: 'pull', ref: 'node:latest' });
    expect(images.checkInvariants()).toEqual([]);
  });

  it('reuses shared layers and reports up-to-date pulls', async () => {
    const { images } = makeImages();
    await pull(images, 'node:latest');
    const { events } = await pull(images, 'python:3.12');
    expect(events.filter((e) => e.status === 'Already exists')).toHaveLength(4);
    expect(events.filter((e) => e.status === 'Pull complete')).toHaveLength(3);
    const again = await pull(images, 'node');
    expect(again.result.downloaded).toBe(false);
    expect(again.events.map((e) => e.status)).toEqual(['Pulling from library/node', `Digest: ${again.result.digest}`, 'Status: Image is up to date for node:latest']);
    const alias = await pull(images, 'node:26');
    expect(alias.result.downloaded).toBe(true);
    expect(alias.result.imageId).toBe(again.result.imageId);
    expect(images.list()[0].repoTags).toEqual(['node:latest', 'node:26']);
  });

  it('lists shared and new layers in manifest order', async () => {
    const { images } = makeImages();
    await pull(images, 'alpine');
    const { events } = await pull(images, 'node:22-alpine');
    const firsts = events.filter((e) => e.status === 'Already exists' || e.status === 'Pulling fs layer').map((e) => e.status);
    expect(firsts).toEqual(['Already exists', 'Pulling fs layer', 'Pulling fs layer', 'Pulling fs layer']);
  });

  it('fails with Docker’s exact messages', async () => {
    const { images } = makeImages();
    await expect(images.pull('nosuch', () => undefined)).rejects.toThrow(
      new EngineError("pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", 'notFound'),
    );
    await expect(images.pull('node:nosuchtag', () => undefined)).rejects.toThrow('manifest for node:nosuchtag not found: manifest unknown: manifest unknown');
    await expect(images.pull('Node', () => undefined)).rejects.toThrow('invalid reference format: repository name (library/Node) must be lowercase');
    await expect(images.pull('student/app', () => undefined)).rejects.toThrow('pull access denied for student/app,');
  });

  it('pulls by digest', async () => {
    const { images } = makeImages();
    const first = await pull(images, 'alpine');
    const { images: fresh } = makeImages();
    const byDigest = await pull(fresh, `alpine@${first.result.digest}`);
    expect(byDigest.result.imageId).toBe(first.result.imageId);
    expect(fresh.list({ all: true })[0].repoDigests).toEqual([`alpine@${first.result.digest}`]);
  });

  it('stores nothing when cancelled', async () => {
    const { images } = makeImages();
    let cancelled = false;
    const listeners: (() => void)[] = [];
    const token = {
      get cancelled() {
        return cancelled;
      },
      onCancel(listener: () => void) {
        listeners.push(listener);
        return () => undefined;
      },
    };
    const promise = images.pull('node', (e) => {
      if (e.status === 'Download complete' && !cancelled) {
        cancelled = true;
        for (const l of listeners) l();
      }
    }, token);
    await expect(promise).rejects.toThrow('context canceled');
    expect(images.list({ all: true })).toEqual([]);
    expect(images.checkInvariants()).toEqual([]);
  });
});
