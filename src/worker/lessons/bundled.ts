/**
 * The shipped lessons, bundled as text. Imported only dynamically (by
 * runtime.ts on the first lesson call), so lesson content becomes its own
 * chunk and stays out of the first load.
 */
const modules = import.meta.glob<string>('/lessons/**/*', { query: '?raw', import: 'default', eager: true });

const PREFIX = '/lessons/';

/** Every file under lessons/, by path relative to it. */
export const LESSON_TREE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(modules).map(([path, text]) => [path.slice(PREFIX.length), text]));
