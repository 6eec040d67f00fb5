/**
 * `-p` port specs, parsed the way docker/go-connections nat.ParsePortSpec does
 * (the CLI calls this before it talks to the daemon), with its exact errors.
 */
import type { PortBinding } from '../api.js';
import { EngineError } from '../errors/EngineError.js';

function invalid(message: string): EngineError {
  return new EngineError(message, 'invalidParameter');
}

/** `ip:host:container` split the nat way: everything before the last two colons is the IP. */
function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const container = parts[n - 1];
  if (n === 1) return ['', '', container];
  if (n === 2) return ['', parts[0], container];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2], container];
}

function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw.length === 0 || parts[0].length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1].length === 0) return ['tcp', parts[0]];
  return [parts[1], parts[0]];
}

/** strconv.ParseUint(s, 10, 16). */
function parseUint16(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 65535 ? value : undefined;
}

/** nat.ParsePortRange: `80` or `8000-8010`. */
export function parsePortRange(text: string): [number, number] | undefined {
  if (text === '') return undefined;
  if (!text.includes('-')) {
    const port = parseUint16(text);
    return port === undefined ? undefined : [port, port];
  }
  const parts = text.split('-');
  const start = parseUint16(parts[0]);
  const end = parseUint16(parts[1]);
  if (start === undefined || end === undefined || end < start) return undefined;
  return [start, end];
}

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  // Go's ParseIP rejects leading zeros ("01") since Go 1.17.
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  let body = text;
  let groupsNeeded = 8;
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0:0';
    groupsNeeded = 8;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const group = /^[0-9a-fA-F]{1,4}$/;
  const parse = (half: string): number | undefined => {
    if (half === '') return 0;
    const groups = half.split(':');
    return groups.every((g) => group.test(g)) ? groups.length : undefined;
  };
  if (halves.length === 1) return parse(halves[0]) === groupsNeeded;
  const left = parse(halves[0]);
  const right = parse(halves[1]);
  return left !== undefined && right !== undefined && left + right < groupsNeeded;
}

/** net.ParseIP acceptance. */
export function isValidIP(text: string): boolean {
  return isIPv4(text) || (text.includes(':') && isIPv6(text));
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/**
 * One `-p` value to its bindings: `80`, `8080:80`, `127.0.0.1:8080:80/udp`,
 * `[::1]:8080:80`, `8000-8001:8000-8001`. Throws EngineError (invalidParameter).
 */
export function parsePortSpecs(raw: string): PortBinding[] {
  const [rawIp, hostPort, containerPart] = splitParts(raw);
  let ip = rawIp;
  const [proto, containerPort] = splitProtoPort(containerPart);
  if (ip !== '' && ip[0] === '[') {
    const close = ip.indexOf(']');
    if (close !== ip.length - 1) throw invalid(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
    ip = ip.slice(1, close);
  }
  if (ip !== '' && !isValidIP(ip)) throw invalid(`invalid IP address: ${ip}`);
  if (containerPort === '') throw invalid(`no port specified: ${raw}<empty>`);
  const range = parsePortRange(containerPort);
  if (!range) throw invalid(`invalid containerPort: ${containerPort}`);
  const [start, end] = range;
  let hostStart = 0;
  let hostEnd = 0;
  if (hostPort.length > 0) {
    const hostRange = parsePortRange(hostPort);
    if (!hostRange) throw invalid(`invalid hostPort: ${hostPort}`);
    [hostStart, hostEnd] = hostRange;
  }
  // A host range with a single container port is a pool to allocate from.
  if (hostPort !== '' && end - start !== hostEnd - hostStart && end !== start) {
    throw invalid(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  if (!PROTOCOLS.has(proto.toLowerCase())) throw invalid(`invalid proto: ${proto}`);
  const out: PortBinding[] = [];
  for (let i = 0; i <= end - start; i++) {
    let host = hostPort.length > 0 ? String(hostStart + i) : '';
    if (start === end && hostStart !== hostEnd) host = `${host}-${hostEnd}`;
    out.push({ containerPort: `${start + i}/${proto.toLowerCase()}`, hostIp: ip, hostPort: host });
  }
  return out;
}
