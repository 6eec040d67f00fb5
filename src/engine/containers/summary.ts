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
  return out.sort((a, b) => a.privatePort - b.privatePort || (a.ip ?? '').localeCompare(b.ip ?? '') || (a.publicPort ?? 0) - (b.publicPort ?? 0) || a.type.localeCompare(b.type));
}
