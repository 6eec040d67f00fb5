/**
 * Turns a response from the simulated host into the `srcdoc` of the preview
 * frame. The frame is an opaque origin with no network, so what the page
 * needs from localhost is fetched through the engine here and inlined:
 * stylesheets as `<style>`, images as `data:` URLs. The student's scripts are
 * removed (the app's policy would refuse them anyway, noisily); the only
 * script is the constant FRAME_SCRIPT, which makes links and forms work.
 */
import type { PreviewResponse } from '../../worker/protocol.js';
import { FRAME_SCRIPT } from './frameScript.js';
import { resolvePath, type LoadedPage, type PreviewFetch } from './navigate.js';

let frameScriptHash: Promise<string> | undefined;

/** `'sha256-…'` of FRAME_SCRIPT, for the frame's own policy; `'none'` where SubtleCrypto is missing (an insecure context). */
export function frameScriptSource(): Promise<string> {
  frameScriptHash ??= (async () => {
    if (!globalThis.crypto?.subtle) return "'none'";
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(FRAME_SCRIPT)));
    return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
  })();
  return frameScriptHash;
}

/**
 * The frame's own policy, on top of the app's inherited one: nothing leaves
 * the frame, only the frame script runs, and a form can never navigate the
 * frame by itself (the frame script turns the submit into a message first).
 */
function framePolicy(scriptSource: string): string {
  return `default-src 'none'; script-src ${scriptSource}; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:; form-action 'none'; base-uri 'none'`;
}

export function dataUrl(response: PreviewResponse): string {
  const type = response.contentType.split(';')[0].trim() || 'application/octet-stream';
  return response.encoding === 'base64' ? `data:${type};base64,${response.body}` : `data:${type};charset=utf-8,${encodeURIComponent(response.body)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * GETs of what a page refers to (relative to the page, or to `base`, a
 * stylesheet's path), one per resolved path; undefined when it is elsewhere
 * or did not answer 2xx.
 */
function subresources(fetch: PreviewFetch, port: number, page: string): (href: string, base?: string) => Promise<PreviewResponse | undefined> {
  const fetched = new Map<string, Promise<PreviewResponse | undefined>>();
  return (href, base = page) => {
    const path = resolvePath(port, base, href);
    if (path === undefined) return Promise.resolve(undefined);
    let answer = fetched.get(path);
    if (!answer) {
      answer = fetch(port, { method: 'GET', path }).then((result) => (result.ok && result.value.status >= 200 && result.value.status < 300 ? result.value : undefined));
      fetched.set(path, answer);
    }
    return answer;
  };
}

type Subresource = ReturnType<typeof subresources>;

const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)/g;

/** The stylesheet with its `url(…)`s (background images, fonts) on the simulated host replaced by data: URLs. */
export async function inlineCssUrls(css: string, get: Subresource, base: string): Promise<string> {
  const targets = [...new Set([...css.matchAll(CSS_URL)].map((m) => m[2].trim()))].filter((u) => u !== '' && !/^(data:|#)/i.test(u));
  const found = new Map<string, string>();
  for (const target of targets) {
    const answer = await get(target, base);
    if (answer) found.set(target, dataUrl(answer));
  }
  return css.replace(CSS_URL, (whole, _quote: string, url: string) => {
    const target = url.trim();
    if (target === '' || /^(data:|#)/i.test(target)) return whole;
    const inlined = found.get(target);
    // What could not be inlined would only be refused by the frame's policy (a console error): drop it.
    return inlined === undefined ? 'none' : `url("${inlined}")`;
  });
}

async function inlineStylesheets(doc: Document, get: Subresource, page: string): Promise<void> {
  for (const style of [...doc.querySelectorAll('style')]) style.textContent = await inlineCssUrls(style.textContent ?? '', get, page);
  for (const link of [...doc.querySelectorAll('link[rel~="stylesheet" i][href]')]) {
    const href = link.getAttribute('href') ?? '';
    const sheet = await get(href);
    const style = doc.createElement('style');
    // url()s in a stylesheet are relative to the stylesheet, not to the page.
    style.textContent = sheet?.encoding === 'text' ? await inlineCssUrls(sheet.body, get, new URL(href, `http://localhost${page}`).pathname) : '';
    const media = link.getAttribute('media');
    if (media) style.setAttribute('media', media);
    link.replaceWith(style);
  }
  // Icons, preloads and the like would only be refused by the frame's policy.
  for (const link of [...doc.querySelectorAll('link')]) link.remove();
}

async function inlineImages(doc: Document, get: Subresource): Promise<void> {
  for (const img of [...doc.querySelectorAll('img[src], input[type="image" i][src]')]) {
    const src = img.getAttribute('src') ?? '';
    img.removeAttribute('srcset');
    if (src.startsWith('data:')) continue;
    const image = await get(src);
    if (image) img.setAttribute('src', dataUrl(image));
    else img.removeAttribute('src');
  }
}

/** Everything that would run code or load from elsewhere; none of it could work in the frame. */
function stripActiveContent(doc: Document): void {
  for (const el of [...doc.querySelectorAll('script, base, meta[http-equiv], iframe, frame, object, embed, noscript')]) el.remove();
  for (const el of [...doc.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
    for (const name of ['href', 'src', 'action', 'formaction']) if (/^\s*javascript:/i.test(el.getAttribute(name) ?? '')) el.removeAttribute(name);
  }
  for (const el of [...doc.querySelectorAll('source, video[src], audio[src], video[poster]')]) {
    el.removeAttribute('src');
    el.removeAttribute('srcset');
    el.removeAttribute('poster');
  }
}

function html(head: string, body: string): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

/** The frame document for a loaded page: the page itself when it is HTML, an image or its text otherwise. */
export async function renderPage(fetch: PreviewFetch, port: number, loaded: LoadedPage): Promise<string> {
  const { response, path } = loaded;
  const scriptSource = await frameScriptSource();
  const policy = `<meta http-equiv="Content-Security-Policy" content="${framePolicy(scriptSource)}">`;
  const type = response.contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('image/')) return html(policy, `<img alt="${escapeHtml(path)}" src="${escapeHtml(dataUrl(response))}">`);
  if (type !== 'text/html' && type !== 'application/xhtml+xml') {
    const text = response.encoding === 'text' ? response.body : `(${type || 'binary'} body, ${Math.floor((response.body.length * 3) / 4)} bytes)`;
    return html(policy, `<pre style="white-space: pre-wrap; word-break: break-word">${escapeHtml(text)}</pre>`);
  }
  const doc = new DOMParser().parseFromString(response.body, 'text/html');
  stripActiveContent(doc);
  const get = subresources(fetch, port, path);
  await inlineStylesheets(doc, get, path);
  await inlineImages(doc, get);
  const script = doc.createElement('script');
  script.textContent = FRAME_SCRIPT;
  doc.head.prepend(script);
  doc.head.insertAdjacentHTML('afterbegin', policy);
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}
