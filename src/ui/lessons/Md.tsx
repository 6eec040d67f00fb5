/** Untrusted markdown snippets: rendered once per text, HTML in them shown as text. */
import { useMemo } from 'react';
import { renderMarkdown } from './markdown/render.js';
import { mdToReact } from './markdown/toReact.js';

/** A hint, quiz text or failure note. `inline`: no paragraph around it. */
export function Md({ text, inline = false, className }: { text: string; inline?: boolean; className?: string }) {
  const nodes = useMemo(() => renderMarkdown(text, { html: 'text', inline }), [text, inline]);
  const children = mdToReact(nodes, {});
  return inline ? <span className={className}>{children}</span> : <div className={className}>{children}</div>;
}
