/** A hand-made EngineContext for images-domain tests: virtual time, seeded IDs, a fake container store. */
import type { EngineEvent } from '../../api.js';
import type { ContainerStore, EngineContext, ProcessRunner } from '../../context.js';
import { SimpleEventBus } from '../../system/events.js';
import { SimpleProgramRegistry } from '../../programs/registry.js';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { RegistryService } from '../../registry/RegistryService.js';
import { ImageService } from '../ImageService.js';

export class FakeContainers implements ContainerStore {
  readonly users: { id: string; image: string; running: boolean }[] = [];
  usersOf(imageId: string): { readonly id: string; readonly running: boolean }[] {
    return this.users.filter((u) => u.image === imageId).map(({ id, running }) => ({ id, running }));
  }
  userCount(imageId: string): number {
    return this.usersOf(imageId).length;
  }
}

export function makeImages(): { images: ImageService; registry: RegistryService; clock: VirtualClock; containers: FakeContainers; events: EngineEvent[] } {
  const clock = new VirtualClock();
  const containers = new FakeContainers();
  const bus = new SimpleEventBus();
  const events: EngineEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const ctx = { clock, ids: new SeededIds(), events: bus, programs: new SimpleProgramRegistry(), containers, runner: {} as ProcessRunner } as Partial<EngineContext> as EngineContext;
  const registry = new RegistryService(ctx);
  const images = new ImageService(ctx, registry);
  ctx.images = images;
  return { images, registry, clock, containers, events };
}
