/**
 * Where the simulated package managers keep what is installed, so a second
 * install says "already the newest version": one marker file per package.
 */
import type { Vfs } from '../../../../os/vfs.js';
import type { OsPackage } from './osPackageData.js';

export function isInstalled(fs: Vfs, dir: string, name: string): boolean {
  return fs.stat(`${dir}/${name}`)?.kind === 'file';
}

export function markInstalled(fs: Vfs, dir: string, pkg: OsPackage): void {
  fs.mkdir(dir, { recursive: true });
  fs.writeFile(`${dir}/${pkg.name}`, `${pkg.version}\n`);
  for (const bin of pkg.binaries) {
    fs.mkdir('/usr/bin', { recursive: true });
    if (!fs.stat(`/usr/bin/${bin}`)) fs.writeFile(`/usr/bin/${bin}`, `#!slipway ${bin}\n`, { mode: 0o755 });
  }
}

/** `ID` and `VERSION_CODENAME` from /etc/os-release (Debian trixie when absent). */
export function osRelease(fs: Vfs): { id: string; codename: string; versionId: string } {
  let text = '';
  try {
    text = new TextDecoder().decode(fs.readFile('/etc/os-release'));
  } catch {
    // Keep the defaults.
  }
  const get = (key: string): string | undefined => new RegExp(`^${key}="?([^"\\n]*)"?`, 'm').exec(text)?.[1];
  return { id: get('ID') ?? 'debian', codename: get('VERSION_CODENAME') ?? 'trixie', versionId: get('VERSION_ID') ?? '13' };
}
