// @vitest-environment jsdom
// DOMPurify needs a real DOM parser; jsdom's (parse5) follows the HTML spec like a browser does.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderMarkdown, type MdNode } from './render.js';
import { mdToReact } from './toReact.js';

const body = (md: string): MdNode[] => renderMarkdown(md, { html: 'sanitise' });
const markup = (nodes: readonly MdNode[]): string => renderToStaticMarkup(createElement('div', null, ...mdToReact(nodes, {})));

function elements(nodes: readonly MdNode[]): Extract<MdNode, { kind: 'element' }>[] {
  return nodes.flatMap((n) => (n.kind === 'element' ? [n, ...elements(n.children)] : n.kind === 'callout' ? elements(n.children) : []));
}

/** Everything an attacker would want to get into the page. */
const CORPUS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" ONERROR="alert(1)">',
  '<p onclick="alert(1)">click</p>',
  '<a href="javascript:alert(1)">js</a>',
  '<a href="JaVaScRiPt:alert(1)">js</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">encoded</a>',
  '<a href="java\tscript:alert(1)">tab</a>',
  '<a href=" javascript:alert(1)">space</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '[md link](javascript:alert(1))',
  '[md encoded](&#x6A;avascript:alert(1))',
  '[md data](data:text/html,<script>alert(1)</script>)',
  '![img](javascript:alert(1))',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="https://evil.example"><input name=q><button>Go</button></form>',
  '<style>body{display:none}</style>',
  '<div style="position:fixed;inset:0;z-index:9999;background:red">overlay</div>',
  '<div class="banner terminal-host" id="root">clobber</div>',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<a href="https://ok.example" target="_self" onmouseover="alert(1)">ok</a>',
  '<video><source onerror="alert(1)"></video>',
  '<x-evil onclick=alert(1)>custom</x-evil>',
];

describe('renderMarkdown: the XSS corpus', () => {
  it.each(CORPUS)('%s leaves no script, handler, frame, form, style or unsafe URL', (attack) => {
    for (const nodes of [body(attack), body(`Some text\n\n${attack}\n\nmore`), body(`- item ${attack}`)]) {
      for (const el of elements(nodes)) {
        expect(['script', 'iframe', 'object', 'embed', 'meta', 'form', 'input', 'button', 'style', 'svg', 'math', 'base', 'link', 'img', 'template', 'video']).not.toContain(el.tag);
        for (const [name, value] of Object.entries(el.attrs)) {
          expect(name).not.toMatch(/^on|^style$|^id$|^class$|^srcdoc$|^name$/i);
          if (name === 'href') expect(value).toMatch(/^(https?:|mailto:)/i);
        }
      }
      const html = markup(nodes);
      expect(html).not.toMatch(/<script|<iframe|<meta|<form|<style|<svg|<object|<embed|<base|<link|<img/i);
      expect(html).not.toMatch(/\son\w+=|javascript:|vbscript:|data:|style=|srcdoc|class="(banner|terminal-host)|id="root"/i);
    }
  });

  it('keeps the harmless text of removed markup', () => {
    expect(markup(body('<div style="position:fixed">overlay</div>'))).toBe('<div>overlay</div>');
    expect(markup(body('<p onclick="x()">click</p>'))).toBe('<div><p>click</p></div>');
  });
});

describe('renderMarkdown: what authors write', () => {
  it('renders ordinary markdown and safe HTML', () => {
    const html = markup(body('# Title\n\nSome **bold**, `code` and <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'));
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>, <code>code</code> and <kbd>Ctrl</kbd>+<kbd>C</kbd>.');
    expect(html).toContain('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>');
  });

  it('opens links in a new tab without a handle back to the app', () => {
    expect(markup(body('[Docker Hub](https://hub.docker.com "hub")'))).toBe('<div><p><a href="https://hub.docker.com" title="hub" target="_blank" rel="noopener noreferrer">Docker Hub</a></p></div>');
    expect(markup(body('[relative](../other) and [anchor](#x)'))).toBe('<div><p>relative and anchor</p></div>');
  });

  it('keeps HTML inside code as text', () => {
    expect(markup(body('```html\n<script>alert(1)</script>\n```'))).toBe('<div><pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre></div>');
    expect(markup(body('Inline `<img src=x onerror=alert(1)>` code'))).toBe('<div><p>Inline <code>&lt;img src=x onerror=alert(1)&gt;</code> code</p></div>');
  });

  it('shows raw HTML as text in html: text mode (hints, quizzes, notes)', () => {
    const nodes = renderMarkdown('Try `docker ps` <b onclick="x">now</b>', { html: 'text', inline: true });
    expect(markup(nodes)).toBe('<div>Try <code>docker ps</code> &lt;b onclick=&quot;x&quot;&gt;now&lt;/b&gt;</div>');
  });

  it('finds clickable commands: sh run blocks and inline `$ cmd`, not plain code', () => {
    const nodes = body('Run `$ docker ps -a` but not `docker run <id>`.\n\n```sh run\ndocker build .\n\ndocker images\n```\n\n```sh\ndocker nope\n```');
    expect(nodes[0]).toMatchObject({ kind: 'element', tag: 'p', children: [{ kind: 'text', text: 'Run ' }, { kind: 'command', command: 'docker ps -a' }, { kind: 'text', text: ' but not ' }, { kind: 'element', tag: 'code' }, { kind: 'text', text: '.' }] });
    expect(nodes.filter((n) => n.kind === 'commands')).toEqual([{ kind: 'commands', commands: ['docker build .', 'docker images'] }]);
    expect(markup(nodes)).toContain('<code>docker nope\n</code>');
  });

  it('turns [task: id] lines into task slots, even right after a paragraph line', () => {
    const nodes = body('Start a container.\n[task: run-node]\n\nThen list them.\n\n[task: list-all]\n\nText [task: inline] stays text.\n\n```\n[task: example]\n```');
    expect(nodes.filter((n) => n.kind === 'task')).toEqual([
      { kind: 'task', id: 'run-node' },
      { kind: 'task', id: 'list-all' },
    ]);
    expect(markup(nodes)).toContain('Text [task: inline] stays text.');
    expect(markup(nodes)).toContain('[task: example]');
  });

  it('styles callouts by their bold label', () => {
    const nodes = body('> **Tip.** Use `docker ps -a`.\n\n> **Careful.** This deletes.\n\n> Just a quote.');
    expect(nodes.filter((n) => n.kind === 'callout').map((n) => n.kind === 'callout' && n.callout)).toEqual(['tip', 'careful']);
    expect(markup(nodes)).toContain('<div role="note" class="callout callout-tip" aria-label="Tip"><p><strong>Tip.</strong> Use <code>docker ps -a</code>.</p>');
    expect(markup(nodes)).toContain('<blockquote>');
  });

  it('cannot forge a Run button or a task row with raw HTML', () => {
    const nodes = body('<span class="sw000000000000-0">rm -rf</span>\n\n<div class="callout">x</div>');
    expect(JSON.stringify(nodes)).not.toMatch(/"kind":"(command|commands|task|callout)"/);
  });
});
