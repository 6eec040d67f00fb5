/**
 * The preview's browsing rules, kept apart from React: where a link or a
 * form leads on the simulated host, and how redirects are followed.
 */
import type { PreviewRequest, PreviewResponse, Result } from '../../worker/protocol.js';

/** One request to a published port (the worker's `preview`). */
export type PreviewFetch = (port: number, request: PreviewRequest) => Promise<Result<PreviewResponse>>;

/** What the frame script asks for (see frameScript.ts), once checked. */
export interface FrameRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body: string;
}

export interface LoadedPage {
  /** Where the page was finally answered from, after redirects. */
  readonly path: string;
  readonly response: PreviewResponse;
}

/** Chromium gives up after 20 redirects. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_URL = 8192;
const MAX_BODY = 1 << 20;

/** Reads a message from the frame; anything that is not exactly the frame script's shape is dropped. */
export function frameRequest(data: unknown): FrameRequest | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, method, url, body } = data as Record<string, unknown>;
  if (type !== 'slipway-preview' || (method !== 'GET' && method !== 'POST')) return undefined;
  if (typeof url !== 'string' || url.length > MAX_URL || typeof body !== 'string' || body.length > MAX_BODY) return undefined;
  return { method, url, body };
}

/**
 * `href` resolved against the page at `from`, as a path plus query on
 * `localhost:<port>`; undefined when it leaves the simulated host (another
 * port, another site, `mailto:`…), which the preview cannot show.
 */
export function resolvePath(port: number, from: string, href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), `http://localhost:${port}${from.startsWith('/') ? from : `/${from}`}`);
  } catch {
    return undefined;
  }
  const sameHost = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  const samePort = (url.port === '' ? 80 : Number(url.port)) === port;
  return sameHost && samePort ? `${url.pathname}${url.search}` : undefined;
}

/** The request a frame message makes from the page at `from`: a GET form's fields replace the action's query, as in a browser. */
export function requestFor(port: number, from: string, message: FrameRequest): PreviewRequest | undefined {
  const path = resolvePath(port, from, message.url === '' ? from : message.url);
  if (path === undefined) return undefined;
  if (message.method === 'POST') return { method: 'POST', path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: message.body };
  // A link sends no body; so does a GET form without fields, which then keeps the action's query (a browser would drop it).
  if (message.body === '') return { method: 'GET', path };
  return { method: 'GET', path: `${path.split('?')[0]}?${message.body}` };
}

/** Sends `request` and follows redirects as a browser does: 303 (and 301/302 after a POST) turn into a GET, 307/308 repeat the request. */
export async function loadPage(fetch: PreviewFetch, port: number, request: PreviewRequest): Promise<Result<LoadedPage>> {
  let current = request;
  for (let hops = 0; ; hops++) {
    const result = await fetch(port, current);
    if (!result.ok) return result;
    const location = result.value.headers.location;
    if (!REDIRECTS.has(result.value.status) || location === undefined) return { ok: true, value: { path: current.path, response: result.value } };
    if (hops === MAX_REDIRECTS) return { ok: false, error: 'localhost redirected you too many times (ERR_TOO_MANY_REDIRECTS).' };
    const next = resolvePath(port, current.path, location);
    if (next === undefined) return { ok: false, error: `The page redirected to ${location}, which is outside localhost:${port}; the preview only shows the simulated host.` };
    const repeat = result.value.status === 307 || result.value.status === 308;
    current = repeat ? { ...current, path: next } : { method: 'GET', path: next };
  }
}
