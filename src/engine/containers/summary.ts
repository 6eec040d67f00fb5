import type { PortSummary } from '../api.js';
import type { ContainerRecord } from './model.js';

/**
 * `docker ps` port data (daemon/container/view.go): only while running; one
 * row per bound address, and exposed-but-unpublished ports without a public port.
 */
export function summaryPorts(c: ContainerRecord, running: boolean): PortSummary[] {
  if (!running) return [];
  const out: PortSummary[] = [];
  for (const b of c.bindings) out.push({ privatePort: b.containerPort, publicPort: b.hostPort, ip: b.hostIp, type: b.proto });
  for (const exposed of c.config.exposedPorts) {
    const [port, proto = 'tcp'] = exposed.split('/');
    if (!c.bindings.some((b) => b.containerPort === Number(port) && b.proto === proto)) out.push({ privatePort: Number(port), type: proto });
  }
  // IPv4 rows before IPv6 ones, as the daemon binds them.
  const v6 = (p: PortSummary): number => (p.ip?.includes(':') ? 1 : 0);
  return out.sort((a, b) => a.privatePort - b.privatePort || a.type.localeCompare(b.type) || v6(a) - v6(b) || (a.publicPort ?? 0) - (b.publicPort ?? 0));
}
