import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../engine/index.js';
import { isTextual, previewRequest, toBase64 } from './preview.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

function answer(headers: Record<string, string>, body: Uint8Array | string, status = 200): { seen: HttpRequest[]; http: (port: number, request: HttpRequest) => Promise<HttpResponse> } {
  const seen: HttpRequest[] = [];
  return {
    seen,
    http: async (_port, request) => {
      seen.push(request);
      return { status, statusText: status === 302 ? 'Found' : 'OK', headers, body: typeof body === 'string' ? new TextEncoder().encode(body) : body };
    },
  };
}

describe('previewRequest', () => {
  it('posts a form body with its content type and returns the redirect target', async () => {
    const server = answer({ location: '/', 'content-type': 'text/plain; charset=utf-8' }, 'Found. Redirecting to /', 302);
    const result = await previewRequest(server.http, 3000, {
      method: 'post',
      path: '/store-goal',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'goal=Ship+it',
    });
    expect(server.seen[0].method).toBe('POST');
    expect(server.seen[0].url).toBe('/store-goal');
    expect(server.seen[0].headers).toMatchObject({ host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '12' });
    expect(new TextDecoder().decode(server.seen[0].body)).toBe('goal=Ship+it');
    expect(result).toEqual({
      ok: true,
      value: { status: 302, statusText: 'Found', contentType: 'text/plain; charset=utf-8', headers: { location: '/', 'content-type': 'text/plain; charset=utf-8' }, encoding: 'text', body: 'Found. Redirecting to /' },
    });
  });

  it('returns binary bodies as base64, byte for byte', async () => {
    const server = answer({ 'content-type': 'image/png' }, PNG);
    const result = await previewRequest(server.http, 3000, { method: 'GET', path: 'images/x.png' });
    expect(server.seen[0].url).toBe('/images/x.png');
    expect(server.seen[0].headers['content-length']).toBeUndefined();
    if (!result.ok) throw new Error(result.error);
    expect(result.value.encoding).toBe('base64');
    expect(Uint8Array.from(atob(result.value.body), (c) => c.charCodeAt(0))).toEqual(PNG);
  });

  it('words a closed port as curl does', async () => {
    const refused = Object.assign(new Error('nothing listens'), { name: 'ConnectionRefused' });
    const result = await previewRequest(() => Promise.reject(refused), 9999, { method: 'GET', path: '/' });
    expect(result).toEqual({ ok: false, error: 'Failed to connect to localhost port 9999: Connection refused' });
  });
});

describe('isTextual / toBase64', () => {
  it('keeps markup, styles, scripts, json and svg as text, everything else as bytes', () => {
    for (const type of ['text/html; charset=utf-8', 'text/css', 'application/json', 'application/javascript', 'image/svg+xml', 'application/xhtml+xml', '']) expect(isTextual(type), type).toBe(true);
    for (const type of ['image/png', 'image/jpeg', 'font/woff2', 'application/octet-stream', 'application/pdf']) expect(isTextual(type), type).toBe(false);
  });

  it('encodes bodies larger than one chunk', () => {
    const big = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
