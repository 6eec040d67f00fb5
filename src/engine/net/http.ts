/**
 * HTTP as the engine models it: whole requests and responses, not bytes on a
 * socket. `curl`, the browser preview and lesson checks all speak this; a
 * program inside a container answers it through `ProgramContext.net.listen`.
 */

export interface HttpRequest {
  readonly method: string;
  /** Path plus query string, e.g. `/goals?x=1`. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/** A listening socket inside a container. */
export interface Listener {
  readonly port: number;
  close(): void;
}
