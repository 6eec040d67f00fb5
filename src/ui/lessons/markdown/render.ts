/**
 * Lesson markdown → a small tree of allowed nodes, never an HTML string.
 *
 * Lesson text is untrusted (anyone can write a lesson folder). Three layers:
 *   1. marked turns markdown into HTML; our renderer hooks turn clickable
 *      commands, task markers and callouts into placeholders whose data stays
 *      in a side table (so raw HTML cannot forge a "Run" button);
 *   2. DOMPurify parses that HTML (HTML profile only: no SVG/MathML) and
 *      removes scripts, handlers, frames, forms, styles and unsafe URLs;
 *   3. `toTree` keeps only an allowlist of tags and attributes from the
 *      result. React then builds the elements itself, so nothing is ever
 *      re-parsed from a string (no `dangerouslySetInnerHTML`, no mutation
 *      XSS through re-serialisation).
 * Hints, quizzes, failure texts and solution notes use `html: 'text'`: any
 * HTML in them is shown as text, never parsed.
 */
import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';

export type CalloutKind = 'tip' | 'note' | 'careful';

export type MdNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'element'; readonly tag: string; readonly attrs: Readonly<Record<string, string>>; readonly children: readonly MdNode[] }
  /** Inline `` `$ cmd` ``: clickable. */
  | { readonly kind: 'command'; readonly command: string }
  /** A ```` ```sh run ```` block: one clickable command per non-empty line. */
  | { readonly kind: 'commands'; readonly commands: readonly string[] }
  /** A `[task: id]` line: the task's live row goes here. */
  | { readonly kind: 'task'; readonly id: string }
  | { readonly kind: 'callout'; readonly callout: CalloutKind; readonly children: readonly MdNode[] };

export interface RenderOptions {
  /** `sanitise`: raw HTML is kept after sanitising (the lesson body). `text`: raw HTML is shown as text. */
  readonly html: 'sanitise' | 'text';
  /** A one-paragraph snippet (hint, quiz option): no wrapping `<p>`. */
  readonly inline?: boolean;
}

type Special = { readonly kind: 'command'; readonly command: string } | { readonly kind: 'commands'; readonly commands: readonly string[] } | { readonly kind: 'task'; readonly id: string } | { readonly kind: 'callout'; readonly callout: CalloutKind };

/** Same line rule as src/lessons/taskMarkers.ts (the validator); keep the two in step. */
const TASK_MARKER = /^ {0,3}\[task:\s*([a-z0-9][a-z0-9-]*)\s*\](?:[ \t]*(?:\n|$))/;
const TASK_MARKER_START = /^ {0,3}\[task:/m;
/** Same inline form as src/lessons/runnable.ts. */
const INLINE_COMMAND = /^(`+)\$ ([^`]+?)\1$/;
const CALLOUT_LABEL = /^(tip|note|careful)\.?$/i;
const SAFE_URL = /^(?:https?:|mailto:)/i;

/** Tags kept, with the attributes each may keep. Anything else is unwrapped (its text stays). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], blockquote: [], hr: [], br: [],
  ul: [], ol: ['start'], li: [], dl: [], dt: [], dd: [],
  pre: [], code: [], kbd: [], samp: [], em: [], strong: [], b: [], i: [], del: [], s: [], sub: [], sup: [], mark: [], small: [], abbr: ['title'],
  table: [], thead: [], tbody: [], tr: [], th: ['align', 'colspan', 'rowspan'], td: ['align', 'colspan', 'rowspan'],
  details: [], summary: [],
  a: ['href', 'title'],
};

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'frameset', 'object', 'embed', 'meta', 'link', 'base', 'dialog', 'template', 'img', 'picture', 'video', 'audio', 'source'],
  FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'action', 'formaction', 'srcdoc'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function nonce(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A marked instance whose hooks record specials in `specials`, tagged with `tag`. */
function lessonMarked(options: RenderOptions, specials: Special[], tag: string): Marked {
  const placeholder = (special: Special, element: 'div' | 'span', inner = ''): string => {
    specials.push(special);
    return `<${element} class="${tag}-${specials.length - 1}">${inner}</${element}>`;
  };
  return new Marked({
    gfm: true,
    extensions: [
      {
        name: 'taskMarker',
        level: 'block',
        start: (src: string) => TASK_MARKER_START.exec(src)?.index,
        tokenizer(src: string) {
          const match = TASK_MARKER.exec(src);
          return match ? { type: 'taskMarker', raw: match[0], id: match[1] } : undefined;
        },
        renderer: (token) => placeholder({ kind: 'task', id: String(token.id) }, 'div'),
      },
    ],
    renderer: {
      code({ text, lang }: Tokens.Code) {
        const [language = '', ...meta] = (lang ?? '').toLowerCase().split(/\s+/);
        if (!['sh', 'bash', 'shell'].includes(language) || !meta.includes('run')) return false;
        const commands = text.split('\n').map((line) => line.trim()).filter(Boolean);
        return placeholder({ kind: 'commands', commands }, 'div');
      },
      codespan({ raw }: Tokens.Codespan) {
        const match = INLINE_COMMAND.exec(raw.trim());
        return match ? placeholder({ kind: 'command', command: match[2].trim() }, 'span') : false;
      },
      blockquote({ tokens }: Tokens.Blockquote) {
        const first = tokens[0];
        const label = first?.type === 'paragraph' ? (first as Tokens.Paragraph).tokens[0] : undefined;
        const match = label?.type === 'strong' ? CALLOUT_LABEL.exec((label as Tokens.Strong).text.trim()) : null;
        if (!match) return false;
        return placeholder({ kind: 'callout', callout: match[1].toLowerCase() as CalloutKind }, 'div', this.parser.parse(tokens));
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return options.html === 'text' ? escapeHtml(text) : false;
      },
    },
  });
}

function attributes(element: Element): Record<string, string> {
  const keep = ALLOWED[element.localName] ?? [];
  const out: Record<string, string> = {};
  for (const name of keep) {
    const value = element.getAttribute(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** Containers whose whitespace-only text is layout noise (and invalid as a React child of table parts). */
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'blockquote', 'details', 'div', '#document-fragment']);

function toTree(parent: Node, specials: readonly Special[], marker: RegExp): MdNode[] {
  const out: MdNode[] = [];
  const structural = STRUCTURAL.has(parent.nodeName.toLowerCase());
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      if (!(structural && text.trim() === '')) out.push({ kind: 'text', text });
      continue;
    }
    if (node.nodeType !== 1) continue; // comments and the like
    const element = node as Element;
    const index = marker.exec(element.getAttribute('class') ?? '');
    const special = index ? specials[Number(index[1])] : undefined;
    if (special) {
      out.push(special.kind === 'callout' ? { kind: 'callout', callout: special.callout, children: toTree(element, specials, marker) } : special);
      continue;
    }
    const name = element.localName;
    const children = toTree(element, specials, marker);
    const linkWithoutSafeTarget = name === 'a' && !SAFE_URL.test(element.getAttribute('href') ?? '');
    if (name in ALLOWED && !linkWithoutSafeTarget) out.push({ kind: 'element', tag: name, attrs: attributes(element), children });
    else out.push(...children);
  }
  return out;
}

/** Renders untrusted lesson markdown to an allowlisted tree. */
export function renderMarkdown(markdown: string, options: RenderOptions): MdNode[] {
  const specials: Special[] = [];
  // A fresh tag per render: raw HTML in the lesson cannot guess it to forge a placeholder.
  const tag = `sw${nonce()}`;
  const marked = lessonMarked(options, specials, tag);
  const html = options.inline ? marked.parseInline(markdown, { async: false }) : marked.parse(markdown, { async: false });
  const fragment = DOMPurify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
  return toTree(fragment, specials, new RegExp(`^${tag}-(\\d+)$`));
}
