/**
 * `fetch` from inside the container, as far as the container's network
 * reaches: its own loopback (`http://localhost:3000/...`). The request runs on
 * the engine and the answer comes back as an event-loop task; while it is in
 * flight the process stays alive.
 */
import type { HttpResponse } from '../../net/http.js';
import type { NodeProcess } from './NodeProcess.js';


export function sendRequest(proc: NodeProcess, id: number, port: number, method: string, path: string, headers: string, body: Uint8Array): void {
  proc.keepAlive++;
  const settle = (deliver: () => void): void => {
    proc.post(() => {
      proc.keepAlive--;
      deliver();
    });
  };
  let request: Promise<HttpResponse>;
  try {
    request = proc.ctx.net.request(port, { method, url: path, headers: JSON.parse(headers) as Record<string, string>, body });
  } catch (error) {
    request = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  request.then(
    (response) =>
      settle(() => {
        const data = proc.vm.newArrayBuffer(response.body.slice().buffer);
        proc.callS('fetchDone', id, response.status, response.statusText, JSON.stringify(response.headers), data)?.dispose();
        data.dispose();
      }),
    (error: unknown) =>
      settle(() => {
        const refused = error instanceof Error && (error.name === 'ConnectionRefused' || (error as { code?: string }).code === 'ECONNREFUSED');
        proc.callS('fetchFail', id, refused ? `connect ECONNREFUSED 127.0.0.1:${port}` : String(error instanceof Error ? error.message : error), refused ? 'ECONNREFUSED' : 'EIO')?.dispose();
      }),
  );
}

