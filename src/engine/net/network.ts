/**
 * A container's network namespace, as far as Slipway models one: the ports
 * its programs listen on. Published host ports route here (ContainerService.http),
 * and `curl localhost:<port>` inside the container uses `request`.
 */
import { EngineError } from '../errors/EngineError.js';
import type { HttpHandler, HttpRequest, HttpResponse, Listener } from './http.js';

/**
 * Nothing listens on the target port. The curl layer recognises it by
 * `name === 'ConnectionRefused'` (or `code === 'ECONNREFUSED'`) and prints
 * curl's `(7) Failed to connect to … Couldn't connect to server`.
 * `published` is set when the host port is published but no program in the
 * container listens: real Docker's proxy accepts and then resets
 * (`curl: (56) Recv failure: Connection reset by peer`), which a curl that
 * models resets can show instead.
 */
export class ConnectionRefused extends EngineError {
  readonly code = 'ECONNREFUSED';
  constructor(
    readonly port: number,
    readonly published = false,
  ) {
    super(`connect ECONNREFUSED 127.0.0.1:${port}`, 'system');
    this.name = 'ConnectionRefused';
  }
}

export function isConnectionRefused(error: unknown): error is ConnectionRefused {
  return error instanceof ConnectionRefused || (error instanceof Error && error.name === 'ConnectionRefused');
}

/** `listen` on a taken port: Node's wording, so a node app's crash message reads right. */
export class AddressInUse extends Error {
  readonly code = 'EADDRINUSE';
  constructor(readonly port: number) {
    super(`listen EADDRINUSE: address already in use :::${port}`);
    this.name = 'AddressInUse';
  }
}

/** The listen function handed to the runner; carries its network so `request` reaches the same namespace. */
export type ListenFn = ((port: number, handler: HttpHandler) => Listener) & { readonly network?: Network };

export class Network {
  private readonly handlers = new Map<number, HttpHandler>();
  readonly listen: ListenFn;

  constructor() {
    const fn = (port: number, handler: HttpHandler): Listener => this.open(port, handler);
    this.listen = Object.assign(fn, { network: this });
  }

  private open(port: number, handler: HttpHandler): Listener {
    if (this.handlers.has(port)) throw new AddressInUse(port);
    this.handlers.set(port, handler);
    let open = true;
    return {
      port,
      close: () => {
        if (open && this.handlers.get(port) === handler) this.handlers.delete(port);
        open = false;
      },
    };
  }

  handler(port: number): HttpHandler | undefined {
    return this.handlers.get(port);
  }

  ports(): number[] {
    return [...this.handlers.keys()].sort((a, b) => a - b);
  }

  request(port: number, request: HttpRequest): Promise<HttpResponse> {
    const handler = this.handlers.get(port);
    if (!handler) return Promise.reject(new ConnectionRefused(port));
    return handler(request);
  }

  /** Everything stops listening (the container stopped). */
  clear(): void {
    this.handlers.clear();
  }
}

