import { describe, expect, it } from 'vitest';
import type { PreviewRequest, PreviewResponse, Result } from '../../worker/protocol.js';
import { frameRequest, loadPage, requestFor, resolvePath } from './navigate.js';

function response(status: number, headers: Record<string, string> = {}, body = ''): Result<PreviewResponse> {
  return { ok: true, value: { status, statusText: '', contentType: headers['content-type'] ?? 'text/html', headers, encoding: 'text', body } };
}

/** A fake host: answers from a table keyed by `METHOD path`, recording what was asked. */
function host(routes: Record<string, Result<PreviewResponse>>) {
  const seen: PreviewRequest[] = [];
  const fetch = async (_port: number, request: PreviewRequest) => {
    seen.push(request);
    return routes[`${request.method} ${request.path}`] ?? response(404);
  };
  return { seen, fetch };
}

describe('resolvePath', () => {
  it('resolves relative, absolute and full URLs on the same host and port', () => {
    expect(resolvePath(3000, '/goals/list', 'styles.css')).toBe('/goals/styles.css');
    expect(resolvePath(3000, '/goals/list', '../x?y=1')).toBe('/x?y=1');
    expect(resolvePath(3000, '/', '/images/x.png')).toBe('/images/x.png');
    expect(resolvePath(3000, '/a', 'http://localhost:3000/b#top')).toBe('/b');
    expect(resolvePath(80, '/', 'http://127.0.0.1/c')).toBe('/c');
  });

  it('refuses what leaves the simulated host', () => {
    expect(resolvePath(3000, '/', 'http://localhost:8080/')).toBeUndefined();
    expect(resolvePath(3000, '/', 'https://example.com/')).toBeUndefined();
    expect(resolvePath(3000, '/', '//example.com/x')).toBeUndefined();
    expect(resolvePath(3000, '/', 'mailto:me@example.com')).toBeUndefined();
    expect(resolvePath(3000, '/', 'javascript:alert(1)')).toBeUndefined();
  });
});

describe('frameRequest / requestFor', () => {
  it('accepts only the frame script\'s exact shape', () => {
    expect(frameRequest({ type: 'slipway-preview', method: 'POST', url: '/store-goal', body: 'goal=x' })).toEqual({ method: 'POST', url: '/store-goal', body: 'goal=x' });
    expect(frameRequest({ type: 'slipway-preview', method: 'DELETE', url: '/', body: '' })).toBeUndefined();
    expect(frameRequest({ type: 'other', method: 'GET', url: '/', body: '' })).toBeUndefined();
    expect(frameRequest({ type: 'slipway-preview', method: 'GET', url: 42, body: '' })).toBeUndefined();
    expect(frameRequest('slipway-preview')).toBeUndefined();
    expect(frameRequest(null)).toBeUndefined();
  });

  it('posts forms urlencoded, puts GET form fields in place of the action\'s query, keeps a link\'s query', () => {
    expect(requestFor(3000, '/', { method: 'POST', url: '/store-goal', body: 'goal=Ship+it' })).toEqual({
      method: 'POST',
      path: '/store-goal',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'goal=Ship+it',
    });
    expect(requestFor(3000, '/search?old=1', { method: 'GET', url: '', body: 'q=docker' })).toEqual({ method: 'GET', path: '/search?q=docker' });
    expect(requestFor(3000, '/', { method: 'GET', url: 'goals?page=2', body: '' })).toEqual({ method: 'GET', path: '/goals?page=2' });
    expect(requestFor(3000, '/', { method: 'GET', url: 'https://example.com/', body: '' })).toBeUndefined();
  });
});

describe('loadPage', () => {
  it('follows a POST-redirect-GET to the page it lands on', async () => {
    const server = host({ 'POST /store-goal': response(302, { location: '/' }), 'GET /': response(200, {}, '<li>x</li>') });
    const loaded = await loadPage(server.fetch, 3000, { method: 'POST', path: '/store-goal', body: 'goal=x' });
    expect(loaded.ok && loaded.value.path).toBe('/');
    expect(loaded.ok && loaded.value.response.body).toBe('<li>x</li>');
    expect(server.seen).toEqual([{ method: 'POST', path: '/store-goal', body: 'goal=x' }, { method: 'GET', path: '/' }]);
  });

  it('repeats the method and body on 307 and 308, resolving relative locations', async () => {
    const server = host({ 'POST /a/old': response(307, { location: 'new' }), 'POST /a/new': response(200) });
    const loaded = await loadPage(server.fetch, 3000, { method: 'POST', path: '/a/old', body: 'k=v' });
    expect(loaded.ok && loaded.value.path).toBe('/a/new');
    expect(server.seen[1]).toEqual({ method: 'POST', path: '/a/new', body: 'k=v' });
  });

  it('stops a redirect loop the way Chromium words it, and refuses to leave the host', async () => {
    const loop = host({ 'GET /': response(302, { location: '/' }) });
    expect(await loadPage(loop.fetch, 3000, { method: 'GET', path: '/' })).toEqual({ ok: false, error: 'localhost redirected you too many times (ERR_TOO_MANY_REDIRECTS).' });
    expect(loop.seen).toHaveLength(21);
    const away = host({ 'GET /': response(301, { location: 'https://example.com/' }) });
    const result = await loadPage(away.fetch, 3000, { method: 'GET', path: '/' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('outside localhost:3000');
  });

  it('shows a 3xx without a location as it is, and passes connection errors on', async () => {
    const server = host({ 'GET /': response(304) });
    const loaded = await loadPage(server.fetch, 3000, { method: 'GET', path: '/' });
    expect(loaded.ok && loaded.value.response.status).toBe(304);
    const refused = await loadPage(async () => ({ ok: false, error: 'Failed to connect to localhost port 3000: Connection refused' }), 3000, { method: 'GET', path: '/' });
    expect(refused).toEqual({ ok: false, error: 'Failed to connect to localhost port 3000: Connection refused' });
  });
});
