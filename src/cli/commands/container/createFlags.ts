/**
 * The container-config flags `docker run` and `docker create` share
 * (docker/cli cli/command/container/opts.go), with Docker's help wording.
 * Flags the simulator ignores are still accepted so copied commands parse.
 */
import type { FlagSpec } from '../../argv/flags.js';

export const CONTAINER_CONFIG_FLAGS: readonly FlagSpec[] = [
  { long: 'add-host', kind: 'list', usage: 'Add a custom host-to-IP mapping (host:ip)' },
  { long: 'attach', short: 'a', kind: 'list', usage: 'Attach to STDIN, STDOUT or STDERR' },
  { long: 'cap-add', kind: 'list', usage: 'Add Linux capabilities' },
  { long: 'cap-drop', kind: 'list', usage: 'Drop Linux capabilities' },
  { long: 'cidfile', kind: 'string', usage: 'Write the container ID to the file' },
  { long: 'cpus', kind: 'string', varName: 'decimal', usage: 'Number of CPUs' },
  { long: 'dns', kind: 'list', usage: 'Set custom DNS servers' },
  { long: 'entrypoint', kind: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  { long: 'env', short: 'e', kind: 'list', usage: 'Set environment variables' },
  { long: 'env-file', kind: 'list', usage: 'Read in a file of environment variables' },
  { long: 'expose', kind: 'list', usage: 'Expose a port or a range of ports' },
  { long: 'health-cmd', kind: 'string', usage: 'Command to run to check health' },
  { long: 'hostname', short: 'h', kind: 'string', usage: 'Container host name' },
  { long: 'init', kind: 'bool', usage: 'Run an init inside the container that forwards signals and reaps processes' },
  { long: 'interactive', short: 'i', kind: 'bool', usage: 'Keep STDIN open even if not attached' },
  { long: 'label', short: 'l', kind: 'list', usage: 'Set meta data on a container' },
  { long: 'memory', short: 'm', kind: 'string', varName: 'bytes', usage: 'Memory limit' },
  { long: 'mount', kind: 'list', varName: 'mount', usage: 'Attach a filesystem mount to the container' },
  { long: 'name', kind: 'string', usage: 'Assign a name to the container' },
  { long: 'network', kind: 'string', varName: 'network', usage: 'Connect a container to a network' },
  { long: 'net', kind: 'string', usage: 'Connect a container to a network', hidden: true },
  { long: 'platform', kind: 'string', usage: 'Set platform if server is multi-platform capable' },
  { long: 'privileged', kind: 'bool', usage: 'Give extended privileges to this container' },
  { long: 'publish', short: 'p', kind: 'list', usage: "Publish a container's port(s) to the host" },
  { long: 'publish-all', short: 'P', kind: 'bool', usage: 'Publish all exposed ports to random ports' },
  { long: 'pull', kind: 'string', usage: 'Pull image before running ("always", "missing", "never")', def: 'missing' },
  { long: 'quiet', short: 'q', kind: 'bool', usage: 'Suppress the pull output' },
  { long: 'read-only', kind: 'bool', usage: "Mount the container's root filesystem as read only" },
  { long: 'restart', kind: 'string', usage: 'Restart policy to apply when a container exits', def: 'no' },
  { long: 'rm', kind: 'bool', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { long: 'stop-signal', kind: 'string', usage: 'Signal to stop the container' },
  { long: 'stop-timeout', kind: 'int', usage: 'Timeout (in seconds) to stop a container' },
  { long: 'tty', short: 't', kind: 'bool', usage: 'Allocate a pseudo-TTY' },
  { long: 'user', short: 'u', kind: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
  { long: 'volume', short: 'v', kind: 'list', usage: 'Bind mount a volume' },
  { long: 'workdir', short: 'w', kind: 'string', usage: 'Working directory inside the container' },
];
