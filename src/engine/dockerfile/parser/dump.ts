import { trimSpace } from './chars.js';
import { goQuote, goQuoteSlice } from './goQuote.js';
import type { Node } from './types.js';

/** BuildKit's `Node.Dump()`. */
export function dumpNode(node: Node): string {
  let str = node.value.toLowerCase();
  if (node.flags.length > 0) str += ' ' + goQuoteSlice(node.flags);
  for (const child of node.children) str += '(' + dumpNode(child) + ')\n';
  for (let n = node.next; n; n = n.next) {
    str += ' ' + (n.children.length > 0 ? dumpNode(n) : goQuote(n.value));
  }
  return trimSpace(str);
}

/** The dump of a whole parse, as in BuildKit's `testfiles/<case>/result`: `Dump() + "\n"`. */
export function dumpAst(ast: Node): string {
  return dumpNode(ast) + '\n';
}
