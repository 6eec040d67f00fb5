/**
 * The Go struct marker templates read (exec.ts). Apart from the executor so
 * that the formatters' row contexts can be marked without loading the
 * template engine, which a plain `docker ps` never runs.
 */
export const STRUCT_TYPE = Symbol('goStructType');

/** Marks `fields` as a Go struct named `typeName` (e.g. `*formatter.ContainerContext`). */
export function structValue<T extends object>(typeName: string, fields: T): T {
  Object.defineProperty(fields, STRUCT_TYPE, { value: typeName, enumerable: false });
  return fields;
}
