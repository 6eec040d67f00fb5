/**
 * Loads the lesson runtime (lesson content, yaml, zod, checks) on first use,
 * and the catalogue with it. The lesson list comes from the build's index
 * when there is one, so listing lessons loads none of that. A chunk that
 * failed to load (offline) is tried again on the next call instead of
 * failing for the rest of the page's life.
 */
import type { Catalogue } from './catalogue.js';
import { lessonIndex, type LessonIndex } from './lessonIndex.js';

export type Runtime = typeof import('./runtime.js');

export class LessonLibrary {
  private runtimeLoad: Promise<Runtime> | undefined;
  private catalogueLoad: Promise<Catalogue> | undefined;
  /** Set once loaded: evaluation runs synchronously after every command. */
  rt: Runtime | undefined;
  catalogue: Catalogue | undefined;

  constructor(
    private readonly tree: (() => Promise<Readonly<Record<string, string>>>) | undefined,
    /** Runs once, when the catalogue first arrives (stale progress is dropped then). */
    private readonly onCatalogue: (catalogue: Catalogue) => void,
    /** The build's lesson index; without one the list comes from the catalogue. */
    private readonly prebuilt?: () => Promise<LessonIndex>,
  ) {}

  /** The lesson list: the loaded catalogue's when there is one (it is what lessons open from), else the build's index. */
  index(): Promise<LessonIndex> {
    if (this.catalogue) return Promise.resolve(lessonIndex(this.catalogue));
    if (this.prebuilt) return this.prebuilt();
    return this.load().then(lessonIndex);
  }

  runtime(): Promise<Runtime> {
    const load = (this.runtimeLoad ??= import('./runtime.js').then((rt) => (this.rt = rt)));
    load.catch(() => {
      if (this.runtimeLoad === load) this.runtimeLoad = undefined;
    });
    return load;
  }

  load(): Promise<Catalogue> {
    const load = (this.catalogueLoad ??= this.runtime()
      .then((rt) => rt.loadCatalogue(this.tree))
      .then((catalogue) => {
        this.catalogue = catalogue;
        this.onCatalogue(catalogue);
        return catalogue;
      }));
    load.catch(() => {
      if (this.catalogueLoad === load) this.catalogueLoad = undefined;
    });
    return load;
  }
}
