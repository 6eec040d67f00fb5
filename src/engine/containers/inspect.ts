/**
 * `docker container inspect`: the Docker 29 (API 1.52) object, built from the
 * record. Paths and IDs that only matter on a real host are filled in the way
 * a Linux daemon would show them.
 */
import type { PortBinding } from '../api.js';
import type { EngineContext } from '../context.js';
import { comparePorts } from './createConfig.js';
import type { ContainerRecord } from './model.js';

/** Go's time.RFC3339Nano (trailing zeros trimmed); the zero time for 0. */
export function goTime(ms: number): string {
  if (ms === 0) return '0001-01-01T00:00:00Z';
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

function portMap(keys: readonly string[], rows: readonly { port: string; hostIp: string; hostPort: string }[]): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const key of [...keys].sort(comparePorts)) {
    const matching = rows.filter((r) => r.port === key);
    out[key] = matching.length > 0 ? matching.map((r) => ({ HostIp: r.hostIp, HostPort: r.hostPort })) : null;
  }
  return out;
}

function bindingsConfig(bindings: readonly PortBinding[]): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const b of bindings) (out[b.containerPort] ??= []).push({ HostIp: b.hostIp, HostPort: b.hostPort });
  return out;
}

export function inspectContainer(c: ContainerRecord, ctx: EngineContext, running: boolean): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const layerDir = `/var/lib/docker/overlay2/${c.id}`;
  const status = c.state.status;
  const image = ctx.images.record(c.imageId);
  const ports = running
    ? portMap(
        c.config.exposedPorts,
        c.bindings.map((b) => ({ port: `${b.containerPort}/${b.proto}`, hostIp: b.hostIp, hostPort: String(b.hostPort) })),
      )
    : {};
  return {
    Id: c.id,
    Created: goTime(c.created),
    Path: c.path,
    Args: [...c.args],
    State: {
      Status: status,
      Running: status === 'running' || status === 'paused',
      Paused: status === 'paused',
      Restarting: status === 'restarting',
      OOMKilled: false,
      Dead: status === 'dead',
      Pid: running ? c.state.pid : 0,
      ExitCode: c.state.exitCode,
      Error: c.state.error,
      StartedAt: goTime(c.state.startedAt),
      FinishedAt: goTime(c.state.finishedAt),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: image?.config.os ?? 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: 'bridge',
      PortBindings: bindingsConfig(c.hostConfig.portBindings),
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: c.hostConfig.autoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: c.hostConfig.publishAll,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      PidsLimit: null,
      Ulimits: null,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: null,
      Init: null,
      MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
      ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
    GraphDriver: {
      Data: { LowerDir: `${layerDir}-init/diff`, MergedDir: `${layerDir}/merged`, UpperDir: `${layerDir}/diff`, WorkDir: `${layerDir}/work` },
      Name: 'overlay2',
    },
    Mounts: [],
    Config: {
      Hostname: c.config.hostname,
      Domainname: '',
      User: c.config.user,
      AttachStdin: c.config.openStdin,
      AttachStdout: true,
      AttachStderr: true,
      ...(c.config.exposedPorts.length > 0 ? { ExposedPorts: Object.fromEntries(c.config.exposedPorts.map((p) => [p, {}])) } : {}),
      Tty: c.config.tty,
      OpenStdin: c.config.openStdin,
      StdinOnce: c.config.openStdin,
      Env: [...c.config.env],
      Cmd: c.config.cmd ? [...c.config.cmd] : null,
      Image: c.config.image,
      Volumes: null,
      WorkingDir: c.config.workingDir,
      Entrypoint: c.config.entrypoint ? [...c.config.entrypoint] : null,
      OnBuild: null,
      Labels: { ...c.config.labels },
      ...(c.config.stopSignal ? { StopSignal: c.config.stopSignal } : {}),
      ...(c.config.stopTimeout !== undefined ? { StopTimeout: c.config.stopTimeout } : {}),
    },
    NetworkSettings: {
      SandboxID: running ? c.id.split('').reverse().join('') : '',
      SandboxKey: running ? `/var/run/docker/netns/${c.id.slice(-12)}` : '',
      Ports: ports,
      IPAddress: c.ipAddress,
      IPPrefixLen: c.ipAddress ? 16 : 0,
      Gateway: c.ipAddress ? '172.17.0.1' : '',
      MacAddress: c.ipAddress ? macFor(c.ipAddress) : '',
      Networks: {
        bridge: {
          IPAMConfig: null,
          Links: null,
          Aliases: null,
          MacAddress: c.ipAddress ? macFor(c.ipAddress) : '',
          DriverOpts: null,
          GwPriority: 0,
          NetworkID: '',
          EndpointID: '',
          Gateway: c.ipAddress ? '172.17.0.1' : '',
          IPAddress: c.ipAddress,
          IPPrefixLen: c.ipAddress ? 16 : 0,
          IPv6Gateway: '',
          GlobalIPv6Address: '',
          GlobalIPv6PrefixLen: 0,
          DNSNames: null,
        },
      },
    },
  };
}

/** Docker derives bridge MACs from the IPv4 address (02:42 + the four octets). */
function macFor(ip: string): string {
  return ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(':');
}
