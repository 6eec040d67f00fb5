import type { CommandSpec } from '../../argv/spec.js';
import { CLIENT } from '../../clientInfo.js';
import { INSPECT_FORMAT_USAGE } from '../shared/formatFlag.js';
import { renderTemplateForCommand } from '../shared/template.js';

export const infoCommand: CommandSpec = {
  name: 'info',
  use: '[OPTIONS]',
  short: 'Display system-wide information',
  args: { kind: 'none' },
  flags: [{ long: 'format', short: 'f', kind: 'string', usage: INSPECT_FORMAT_USAGE }],
  async run({ flags }, ctx) {
    const version = ctx.engine.system.version();
    const containers = ctx.engine.containers.list({ all: true });
    const count = (state: string): number => containers.filter((c) => c.state === state).length;
    const images = ctx.engine.images.list({ all: true }).length;
    const data: Record<string, unknown> = {
      ID: 'slipway',
      Containers: containers.length,
      ContainersRunning: count('running'),
      ContainersPaused: count('paused'),
      ContainersStopped: containers.length - count('running') - count('paused'),
      Images: images,
      // The classic store, as image inspect (GraphDriver overlay2) and rmi's per-layer records show it.
      Driver: 'overlay2',
      CgroupDriver: 'systemd',
      CgroupVersion: '2',
      KernelVersion: '6.8.0-slipway',
      OperatingSystem: 'Slipway (simulated Docker Engine)',
      OSType: version.os,
      Architecture: version.arch === 'amd64' ? 'x86_64' : version.arch,
      NCPU: 2,
      MemTotal: 2_084_569_088,
      DockerRootDir: '/var/lib/docker',
      Name: 'slipway',
      ServerVersion: version.version,
      ...ctx.engine.system.info(),
    };
    const format = flags.string('format');
    if (format) return renderTemplateForCommand(format, [data], ctx);
    const user = ctx.engine.registry.currentUser();
    const lines = [
      'Client: Docker Engine - Community',
      ` Version:    ${CLIENT.version}`,
      ' Context:    default',
      ' Debug Mode: false',
      '',
      'Server:',
      ` Containers: ${String(data.Containers)}`,
      `  Running: ${String(data.ContainersRunning)}`,
      `  Paused: ${String(data.ContainersPaused)}`,
      `  Stopped: ${String(data.ContainersStopped)}`,
      ` Images: ${String(data.Images)}`,
      ` Server Version: ${String(data.ServerVersion)}`,
      ' Storage Driver: overlay2',
      '  Backing Filesystem: extfs',
      '  Supports d_type: true',
      '  Using metacopy: false',
      '  Native Overlay Diff: true',
      '  userxattr: false',
      ' Logging Driver: json-file',
      ' Cgroup Driver: systemd',
      ' Cgroup Version: 2',
      ' Runtimes: io.containerd.runc.v2 runc',
      ' Default Runtime: runc',
      ` Kernel Version: ${String(data.KernelVersion)}`,
      ` Operating System: ${String(data.OperatingSystem)}`,
      ` OSType: ${String(data.OSType)}`,
      ` Architecture: ${String(data.Architecture)}`,
      ` CPUs: ${String(data.NCPU)}`,
      ' Total Memory: 1.941GiB',
      ` Name: ${String(data.Name)}`,
      ` Docker Root Dir: ${String(data.DockerRootDir)}`,
      ' Debug Mode: false',
      ...(user ? [` Username: ${user}`] : []),
      ' Experimental: false',
      ' Insecure Registries:',
      '  ::1/128',
      '  127.0.0.0/8',
      ' Live Restore Enabled: false',
      '',
    ];
    ctx.stdout.write(lines.join('\n'));
    return 0;
  },
};
