/**
 * The facade: builds the domains, binds them to each other through the
 * EngineContext, and exposes the public EngineApi.
 */
import type { Clock, IdSource } from '../os/clock.js';
import type { EngineApi } from './api.js';
import type { HttpRequest, HttpResponse } from './net/http.js';
import type { EngineContext } from './context.js';
import { BuilderService } from './builder/BuilderService.js';
import { ContainerService } from './containers/ContainerService.js';
import { ImageService } from './images/ImageService.js';
import { RegistryService } from './registry/RegistryService.js';
import { Runner } from './programs/runner.js';
import { registerCorePrograms } from './programs/core.js';
import { registerLazyPrograms } from './programs/lazy.js';
import { SimpleEventBus } from './system/events.js';
import { SimpleProgramRegistry } from './programs/registry.js';
import { SystemService } from './system/SystemService.js';

export interface EngineOptions {
  readonly clock: Clock;
  readonly ids: IdSource;
}

export class Engine implements EngineApi {
  readonly images: ImageService;
  readonly registry: RegistryService;
  readonly containers: ContainerService;
  readonly builder: BuilderService;
  readonly system: SystemService;

  constructor(options: EngineOptions) {
    const programs = new SimpleProgramRegistry();
    registerCorePrograms(programs);
    // Package managers and the real runtimes (which replace core stand-ins) load on first run.
    registerLazyPrograms(programs);
    // Domains are bound after construction, so the context starts partial.
    const ctx = { clock: options.clock, ids: options.ids, events: new SimpleEventBus(), programs } as Partial<EngineContext> as EngineContext;
    this.registry = new RegistryService(ctx);
    this.images = new ImageService(ctx, this.registry);
    this.containers = new ContainerService(ctx);
    this.builder = new BuilderService(ctx);
    ctx.images = this.images;
    ctx.containers = this.containers;
    ctx.runner = new Runner(ctx);
    this.system = new SystemService(ctx, { images: this.images, registry: this.registry, containers: this.containers, builder: this.builder });
  }

  http(hostPort: number, request: HttpRequest): Promise<HttpResponse> {
    return this.containers.http(hostPort, request);
  }
}
