/**
 * The HTTP client `curl` is given by whoever composes the shell: in a terminal
 * session it reaches published container ports; inside a container, the
 * container's own loopback.
 */

export interface HttpClientRequest {
  readonly method: string;
  /** Path plus query, e.g. `/goals?x=1`. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface HttpClientResponse {
  readonly status: number;
  readonly statusText: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** Returned (or thrown) when nothing listens on the port. */
export const CONNECTION_REFUSED = 'ECONNREFUSED' as const;

/** Returned (or thrown) when the host name does not resolve. */
export const HOST_NOT_FOUND = 'ENOTFOUND' as const;

export class HttpConnectError extends Error {
  constructor(readonly code: typeof CONNECTION_REFUSED | typeof HOST_NOT_FOUND) {
    super(code);
  }
}

export interface HttpClient {
  /**
   * Sends one request. When nothing listens, returns CONNECTION_REFUSED (or
   * throws HttpConnectError with that code); an unknown host gives HOST_NOT_FOUND.
   */
  request(host: string, port: number, req: HttpClientRequest): Promise<HttpClientResponse | typeof CONNECTION_REFUSED | typeof HOST_NOT_FOUND>;
}
