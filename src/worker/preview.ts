/**
 * One request of the preview pane to a published port, answered by the
 * program listening in the container (nothing goes to the network). Bodies
 * cross the worker boundary as text when the content type is textual and as
 * base64 otherwise, so images survive the trip byte for byte.
 */
import type { HttpRequest, HttpResponse } from '../engine/index.js';
import type { PreviewRequest, PreviewResponse, Result } from './protocol.js';

export type HttpClient = (port: number, request: HttpRequest) => Promise<HttpResponse>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Content types whose bodies are text; anything else (images, fonts, octet-stream) travels as base64. */
export function isTextual(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === '' || type.startsWith('text/') || /(^|[/+])(json|xml|javascript|x-www-form-urlencoded)$/.test(type) || type === 'image/svg+xml';
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: spreading a large body into one fromCharCode call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function requestHeaders(port: number, request: PreviewRequest, body: Uint8Array): Record<string, string> {
  const headers: Record<string, string> = { host: `localhost:${port}`, accept: '*/*' };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  if (body.length > 0 || request.method !== 'GET') headers['content-length'] = String(body.length);
  return headers;
}

function isRefused(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ConnectionRefused' || (error as { code?: unknown }).code === 'ECONNREFUSED');
}

export async function previewRequest(http: HttpClient, port: number, request: PreviewRequest): Promise<Result<PreviewResponse>> {
  const method = request.method.toUpperCase();
  const body = encoder.encode(request.body ?? '');
  const url = request.path.startsWith('/') ? request.path : `/${request.path}`;
  try {
    const response = await http(port, { method, url, headers: requestHeaders(port, { ...request, method }, body), body });
    const contentType = response.headers['content-type'] ?? '';
    const textual = isTextual(contentType);
    return {
      ok: true,
      value: {
        status: response.status,
        statusText: response.statusText,
        contentType,
        headers: { ...response.headers },
        encoding: textual ? 'text' : 'base64',
        body: textual ? decoder.decode(response.body) : toBase64(response.body),
      },
    };
  } catch (error) {
    if (isRefused(error)) return { ok: false, error: `Failed to connect to localhost port ${port}: Connection refused` };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
