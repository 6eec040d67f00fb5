/**
 * Host port bookkeeping for published ports: explicit, ranged and ephemeral
 * host ports, bound on both 0.0.0.0 and [::] when no IP is given, with the
 * daemon's exact conflict error (Docker ≥ 28.0.1 wording).
 */
import type { IdSource } from '../../os/clock.js';
import type { PortBinding } from '../api.js';
import { EngineError } from '../errors/EngineError.js';
import { parsePortRange } from '../net/ports.js';
import type { ActiveBinding } from './model.js';

const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

interface Held {
  readonly owner: string;
  readonly binding: ActiveBinding;
}

function family(ip: string): 4 | 6 {
  return ip.includes(':') ? 6 : 4;
}

function isWildcard(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::';
}

function overlaps(a: ActiveBinding, b: ActiveBinding): boolean {
  if (a.hostPort !== b.hostPort || a.proto !== b.proto) return false;
  if (family(a.hostIp) !== family(b.hostIp)) return false;
  return a.hostIp === b.hostIp || isWildcard(a.hostIp) || isWildcard(b.hostIp);
}

export function formatHostAddress(ip: string, port: number | string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export class PortAllocator {
  private held: Held[] = [];

  constructor(private readonly ids: IdSource) {}

  private conflict(candidate: ActiveBinding, pending: readonly ActiveBinding[] = []): boolean {
    return this.held.some((h) => overlaps(h.binding, candidate)) || pending.some((p) => overlaps(p, candidate));
  }

  private free(port: number, ips: readonly string[], proto: string, pending: readonly ActiveBinding[]): boolean {
    return ips.every((hostIp) => !this.conflict({ containerPort: 0, proto, hostIp, hostPort: port }, pending));
  }

  private ephemeral(ips: readonly string[], proto: string, pending: readonly ActiveBinding[]): number {
    const span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
    const start = EPHEMERAL_FIRST + this.ids.int(span);
    for (let i = 0; i < span; i++) {
      const port = EPHEMERAL_FIRST + ((start - EPHEMERAL_FIRST + i) % span);
      if (this.free(port, ips, proto, pending)) return port;
    }
    throw new EngineError('no available ports in the ephemeral range', 'system');
  }

  /**
   * Binds everything `bindings` asks for, or nothing. `endpoint` names the
   * endpoint in the conflict error: `web (<64hex endpoint id>)`.
   */
  allocate(owner: string, bindings: readonly PortBinding[], endpoint: { readonly name: string; readonly id: string }): ActiveBinding[] {
    const out: ActiveBinding[] = [];
    for (const b of bindings) {
      const [portText, proto = 'tcp'] = b.containerPort.split('/');
      const containerPort = Number(portText);
      const ips = b.hostIp === '' ? ['0.0.0.0', '::'] : [b.hostIp];
      let hostPort: number;
      if (b.hostPort === '') {
        hostPort = this.ephemeral(ips, proto, out);
      } else {
        const [first, last] = parsePortRange(b.hostPort) ?? [Number(b.hostPort), Number(b.hostPort)];
        let chosen = first;
        for (let p = first; p <= last; p++) {
          if (this.free(p, ips, proto, out)) {
            chosen = p;
            break;
          }
        }
        hostPort = chosen;
        for (const hostIp of ips) {
          if (this.conflict({ containerPort, proto, hostIp, hostPort }, out)) {
            throw new EngineError(
              `failed to set up container networking: driver failed programming external connectivity on endpoint ${endpoint.name} (${endpoint.id}): Bind for ${formatHostAddress(hostIp, hostPort)} failed: port is already allocated`,
              'system',
            );
          }
        }
      }
      for (const hostIp of ips) out.push({ containerPort, proto, hostIp, hostPort });
    }
    for (const binding of out) this.held.push({ owner, binding });
    return out;
  }

  release(owner: string): void {
    this.held = this.held.filter((h) => h.owner !== owner);
  }

  /** The owner and binding answering on a host port (any IP), for routing requests. */
  lookup(hostPort: number, proto = 'tcp'): Held | undefined {
    return this.held.find((h) => h.binding.hostPort === hostPort && h.binding.proto === proto);
  }

  all(): readonly Held[] {
    return this.held;
  }
}
