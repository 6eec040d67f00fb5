// @vitest-environment jsdom
// renderPage parses the student's HTML with DOMParser, as in the browser.
/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PreviewRequest, PreviewResponse, Result } from '../../worker/protocol.js';
import { FRAME_SCRIPT } from './frameScript.js';
import { frameScriptSource, renderPage } from './render.js';

function ok(contentType: string, body: string, encoding: 'text' | 'base64' = 'text', status = 200): Result<PreviewResponse> {
  return { ok: true, value: { status, statusText: 'OK', contentType, headers: { 'content-type': contentType }, encoding, body } };
}

function host(routes: Record<string, Result<PreviewResponse>>) {
  const seen: string[] = [];
  const fetch = async (_port: number, request: PreviewRequest) => {
    seen.push(request.path);
    return routes[request.path] ?? ok('text/html', 'Cannot GET', 'text', 404);
  };
  return { seen, fetch };
}

const page = (body: string, path = '/'): { path: string; response: PreviewResponse } => {
  const result = ok('text/html; charset=utf-8', body);
  if (!result.ok) throw new Error('unreachable');
  return { path, response: result.value };
};

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('renderPage', () => {
  it('inlines stylesheets and images fetched relative to the page, each image once', async () => {
    const server = host({ '/app/styles.css': ok('text/css', 'button { color: red }'), '/img/x.png': ok('image/png', 'iVBORw0KGgo=', 'base64') });
    const html = await renderPage(server.fetch, 3000, page('<link rel="stylesheet" href="styles.css"><img src="/img/x.png"><img src="../img/x.png" srcset="/big.png 2x">', '/app/list'));
    const doc = parse(html);
    expect(doc.querySelector('style:not(:empty)')?.textContent).toBe('button { color: red }');
    expect([...doc.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['data:image/png;base64,iVBORw0KGgo=', 'data:image/png;base64,iVBORw0KGgo=']);
    expect(doc.querySelector('[srcset]')).toBeNull();
    expect(server.seen.sort()).toEqual(['/app/styles.css', '/img/x.png']);
  });

  it('inlines url()s of a stylesheet relative to the stylesheet, and of inline styles relative to the page', async () => {
    const server = host({
      '/css/site.css': ok('text/css', "body { background: url('../img/bg.png') } .x { background: url(data:image/gif;base64,AA==) } .y { background: url(https://example.com/z.png) }"),
      '/img/bg.png': ok('image/png', 'QkFDSw==', 'base64'),
      '/app/dot.svg': ok('image/svg+xml', '<svg/>'),
    });
    const doc = parse(await renderPage(server.fetch, 3000, page('<style>.dot { background: url("dot.svg") }</style><link rel="stylesheet" href="/css/site.css">', '/app/page')));
    const [inline, linked] = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '');
    expect(inline).toBe(`.dot { background: url("data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg/>')}") }`);
    expect(linked).toContain('url("data:image/png;base64,QkFDSw==")');
    expect(linked).toContain('url(data:image/gif;base64,AA==)');
    expect(linked).toContain('.y { background: none }');
    expect(server.seen.sort()).toEqual(['/app/dot.svg', '/css/site.css', '/img/bg.png']);
  });

  it('drops a stylesheet or image that is missing or elsewhere, without fetching elsewhere', async () => {
    const server = host({});
    const doc = parse(await renderPage(server.fetch, 3000, page('<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="stylesheet" href="/gone.css"><img src="https://example.com/a.png">')));
    expect([...doc.querySelectorAll('style')].map((s) => s.textContent)).toEqual(['', '']);
    expect(doc.querySelector('img')?.hasAttribute('src')).toBe(false);
    expect(server.seen).toEqual(['/gone.css']);
  });

  it('removes the student\'s scripts and handlers; the frame script and the frame policy come first', async () => {
    const doc = parse(
      await renderPage(host({}).fetch, 3000, page('<script>alert(1)</script><script src="/app.js"></script><a href="javascript:alert(1)" onclick="x()">a</a><meta http-equiv="refresh" content="0;url=/x"><body onload="y()">')),
    );
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.textContent)).toEqual([FRAME_SCRIPT]);
    expect(doc.head.firstElementChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(doc.head.firstElementChild?.getAttribute('content')).toContain(`script-src ${await frameScriptSource()}`);
    expect(doc.querySelector('[onclick], [onload], a[href]')).toBeNull();
    expect(doc.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
  });

  it('shows an image response as an image and text as text, escaped', async () => {
    const png = ok('image/png', 'AAAA', 'base64');
    if (!png.ok) throw new Error('unreachable');
    expect(parse(await renderPage(host({}).fetch, 3000, { path: '/x.png', response: png.value })).querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    const json = ok('application/json', '{"a":"<b>"}');
    if (!json.ok) throw new Error('unreachable');
    const doc = parse(await renderPage(host({}).fetch, 3000, { path: '/api', response: json.value }));
    expect(doc.querySelector('pre')?.textContent).toBe('{"a":"<b>"}');
    expect(doc.querySelector('b')).toBeNull();
  });
});

describe('frameScriptSource', () => {
  it('is the sha256 of FRAME_SCRIPT, as config/csp.ts computes it for the app policy', async () => {
    expect(await frameScriptSource()).toBe(`'sha256-${createHash('sha256').update(FRAME_SCRIPT, 'utf8').digest('base64')}'`);
  });
});
