/**
 * docker/cli's DisplayablePorts: the PORTS column. Unpublished and same-number
 * mappings collapse into ranges per IP/protocol; mappings to a different host
 * port are listed afterwards; IPv6 hosts are bracketed (`[::]:3000->80/tcp`).
 */
import type { PortSummary } from '../../engine/index.js';

function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
  const ai = a.ip ?? '';
  const bi = b.ip ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  const ap = a.publicPort ?? 0;
  const bp = b.publicPort ?? 0;
  if (ap !== bp) return ap - bp;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip) group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}

export function displayablePorts(ports: readonly PortSummary[]): string {
  // Most rows of a long listing are stopped containers, which have none.
  if (ports.length === 0) return '';
  const sorted = [...ports].sort(comparePorts);
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of sorted) {
    const current = port.privatePort;
    let key = port.type;
    if (port.ip) {
      if (port.publicPort !== current) {
        hostMappings.push(`${joinHostPort(port.ip, String(port.publicPort ?? 0))}->${port.privatePort}/${port.type}`);
        continue;
      }
      key = `${port.ip}/${port.type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    // The key keeps its first-seen position in the final list, as in Go's groupMapKeys.
    group.first = current;
    group.last = current;
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}
