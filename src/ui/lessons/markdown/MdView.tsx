/** Draws a sanitised markdown tree; see toReact.ts for the mapping. */
import type { MdNode } from './render.js';
import { mdToReact, type MdSlots } from './toReact.js';

export type { MdSlots } from './toReact.js';

export function MdView({ nodes, slots = {}, className }: { nodes: readonly MdNode[]; slots?: MdSlots; className?: string }) {
  return <div className={className}>{mdToReact(nodes, slots)}</div>;
}

