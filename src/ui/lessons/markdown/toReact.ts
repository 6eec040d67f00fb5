/**
 * Maps a sanitised markdown tree (render.ts) to React elements. Clickable
 * commands and task rows are supplied by the caller, so this stays a plain
 * mapping with no lesson logic. Plain `.ts` (createElement, no JSX) so the
 * Node-side unit tests can import it.
 */
import { createElement, type ReactNode } from 'react';
import type { MdNode } from './render.js';

export interface MdSlots {
  /** Inline `$ cmd`. */
  command?(command: string, key: string): ReactNode;
  /** A `sh run` block. */
  commands?(commands: readonly string[], key: string): ReactNode;
  /** A `[task: id]` line. */
  task?(id: string, key: string): ReactNode;
}

const VOID = new Set(['br', 'hr']);
const REACT_NAMES: Readonly<Record<string, string>> = { colspan: 'colSpan', rowspan: 'rowSpan' };
const CALLOUT_LABEL: Readonly<Record<string, string>> = { tip: 'Tip', note: 'Note', careful: 'Careful' };

function props(node: Extract<MdNode, { kind: 'element' }>, key: string): Record<string, string> {
  const out: Record<string, string> = { key };
  for (const [name, value] of Object.entries(node.attrs)) out[REACT_NAMES[name] ?? name] = value;
  // Lesson links leave the app: a new tab that cannot reach back into this one.
  if (node.tag === 'a') Object.assign(out, { target: '_blank', rel: 'noopener noreferrer' });
  return out;
}

export function mdToReact(nodes: readonly MdNode[], slots: MdSlots, prefix = 'n'): ReactNode[] {
  return nodes.map((node, i): ReactNode => {
    const key = `${prefix}.${i}`;
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'element':
        return VOID.has(node.tag) ? createElement(node.tag, props(node, key)) : createElement(node.tag, props(node, key), ...mdToReact(node.children, slots, key));
      case 'command':
        return slots.command ? slots.command(node.command, key) : createElement('code', { key }, `$ ${node.command}`);
      case 'commands':
        return slots.commands ? slots.commands(node.commands, key) : createElement('pre', { key }, createElement('code', null, node.commands.join('\n')));
      case 'task':
        return slots.task ? slots.task(node.id, key) : null;
      case 'callout':
        // role=note, not <aside>: a callout belongs to the text around it, it is no landmark.
        return createElement('div', { key, role: 'note', className: `callout callout-${node.callout}`, 'aria-label': CALLOUT_LABEL[node.callout] }, ...mdToReact(node.children, slots, key));
    }
  });
}
