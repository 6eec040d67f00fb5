/**
 * The files the daemon bind-mounts into every running container
 * (daemon/container_operations_unix.go): /etc/hostname with the container's
 * host name and /etc/hosts with the loopback entries and its bridge address.
 */
import type { WritableRootfs } from '../context.js';
import type { ContainerRecord } from './model.js';

interface Mountable {
  mountFile(path: string, data: string): void;
}

function canMount(fs: WritableRootfs): fs is WritableRootfs & Mountable {
  return typeof (fs as Partial<Mountable>).mountFile === 'function';
}

export function hostsFile(hostname: string, ip: string): string {
  const lines = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::\tip6-localnet', 'ff00::\tip6-mcastprefix', 'ff02::1\tip6-allnodes', 'ff02::2\tip6-allrouters'];
  if (ip) lines.push(`${ip}\t${hostname}`);
  return `${lines.join('\n')}\n`;
}

export function mountEtcFiles(c: ContainerRecord): void {
  if (!canMount(c.fs)) return;
  try {
    c.fs.mountFile('/etc/hostname', `${c.config.hostname}\n`);
    c.fs.mountFile('/etc/hosts', hostsFile(c.config.hostname, c.ipAddress));
  } catch {
    // An image whose /etc is not a directory starts without them.
  }
}
