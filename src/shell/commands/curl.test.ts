import { describe, expect, it } from 'vitest';
import { harness } from '../testing/harness.js';
import { CONNECTION_REFUSED, HOST_NOT_FOUND, type HttpClient, type HttpClientRequest, type HttpClientResponse } from './http.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function server(): { client: HttpClient; seen: { host: string; port: number; req: HttpClientRequest }[] } {
  const seen: { host: string; port: number; req: HttpClientRequest }[] = [];
  const client: HttpClient = {
    async request(host, port, req): Promise<HttpClientResponse | typeof CONNECTION_REFUSED | typeof HOST_NOT_FOUND> {
      seen.push({ host, port, req });
      if (host === 'example.com') return HOST_NOT_FOUND;
      if (port !== 3000) return CONNECTION_REFUSED;
      if (req.url === '/old') return { status: 301, statusText: 'Moved Permanently', headers: { location: '/new' }, body: new Uint8Array(0) };
      if (req.url === '/missing') return { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/plain' }, body: enc('nope\n') };
      return { status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' }, body: enc(`<h1>${req.method} ${req.url}</h1>\n`) };
    },
  };
  return { client, seen };
}

describe('curl', () => {
  it('fetches a page from a published port', async () => {
    const { client, seen } = server();
    const h = harness({ http: client });
    expect((await h.run('curl localhost:3000/goals?x=1')).out).toBe('<h1>GET /goals?x=1</h1>\n');
    expect((await h.run('curl -s http://127.0.0.1:3000')).out).toBe('<h1>GET /</h1>\n');
    expect(seen.map((s) => [s.host, s.port])).toEqual([
      ['localhost', 3000],
      ['127.0.0.1', 3000],
    ]);
  });
  it('posts form data and sends headers', async () => {
    const { client, seen } = server();
    const h = harness({ http: client });
    expect((await h.run('curl -d "goal=learn docker" -H "X-Test: 1" localhost:3000/goals')).out).toBe('<h1>POST /goals</h1>\n');
    const req = seen[0].req;
    expect(new TextDecoder().decode(req.body)).toBe('goal=learn docker');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['x-test']).toBe('1');
    await h.run('curl -X DELETE localhost:3000/goals/1');
    expect(seen[1].req.method).toBe('DELETE');
  });
  it('-i, -I, -L, -f, -o', async () => {
    const { client } = server();
    const h = harness({ http: client });
    expect((await h.run('curl -I localhost:3000/')).out).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n');
    expect((await h.run('curl -i localhost:3000/missing')).out).toBe('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nnope\n');
    expect((await h.run('curl -L localhost:3000/old')).out).toBe('<h1>GET /new</h1>\n');
    expect(await h.run('curl -f localhost:3000/missing')).toEqual({ status: 22, out: '', err: 'curl: (22) The requested URL returned error: 404\n' });
    await h.run('curl -s -o page.html localhost:3000/x');
    expect(new TextDecoder().decode(h.fs.readFile('/home/user/page.html'))).toBe('<h1>GET /x</h1>\n');
  });
  it("reports curl's own connection errors", async () => {
    const { client } = server();
    const h = harness({ http: client });
    expect(await h.run('curl localhost:8080')).toEqual({ status: 7, out: '', err: "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n" });
    expect((await h.run('curl http://example.com/')).err).toBe('curl: (6) Could not resolve host: example.com\n');
    expect(await h.run('curl -s localhost:8080')).toEqual({ status: 7, out: '', err: '' });
    expect((await h.run('curl -sS localhost:8080')).status).toBe(7);
    expect((await h.run('curl')).err).toBe("curl: no URL specified\ncurl: try 'curl --help' for more information\n");
  });
});
