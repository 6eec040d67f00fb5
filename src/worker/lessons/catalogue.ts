/**
 * The shipped lessons as the worker knows them: every lesson folder in course
 * order, loaded, or carrying the reason it could not be (a broken lesson is
 * listed with its error, never dropped and never fatal to the list).
 */
import { lessonFolders, loadLesson, type Lesson } from '../../lessons/index.js';

export type CatalogueEntry = { readonly id: string; readonly lesson: Lesson; readonly error?: undefined } | { readonly id: string; readonly lesson?: undefined; readonly error: string };

export class Catalogue {
  readonly entries: readonly CatalogueEntry[];
  private readonly byId: ReadonlyMap<string, CatalogueEntry>;

  /** `tree`: every file under the lessons root, by path relative to it. */
  constructor(tree: Readonly<Record<string, string>>) {
    this.entries = lessonFolders(tree).map((folder): CatalogueEntry => {
      try {
        const loaded = loadLesson(folder.id, folder.files);
        return loaded.ok ? { id: folder.id, lesson: loaded.lesson } : { id: folder.id, error: loaded.error };
      } catch (error) {
        return { id: folder.id, error: error instanceof Error ? error.message : String(error) };
      }
    });
    this.byId = new Map(this.entries.map((entry) => [entry.id, entry]));
  }

  get(id: string): CatalogueEntry | undefined {
    return this.byId.get(id);
  }

  /** The loadable lessons before and after `id`, in course order. */
  neighbours(id: string): { previous?: string; next?: string } {
    const loadable = this.entries.filter((entry) => entry.lesson).map((entry) => entry.id);
    const index = loadable.indexOf(id);
    if (index < 0) return {};
    return { ...(index > 0 ? { previous: loadable[index - 1] } : {}), ...(index < loadable.length - 1 ? { next: loadable[index + 1] } : {}) };
  }
}
