/**
 * Root filesystems of the distribution base layers: the directory skeleton,
 * identity files and the executables students reach for. Executables are
 * placeholders (`#!slipway <name>`), resolved to programs by basename.
 */
import type { FsBuilder } from './FsBuilder.js';

/** GNU userland of a Debian/Ubuntu base (coreutils, findutils, grep, sed, tar, …). */
export const GNU_TOOLS = [
  'bash', 'sh', 'dash', 'ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'echo', 'pwd', 'touch', 'chmod', 'chown', 'chgrp', 'ln',
  'head', 'tail', 'wc', 'sort', 'uniq', 'grep', 'egrep', 'fgrep', 'sed', 'awk', 'mawk', 'find', 'xargs', 'env', 'sleep', 'date', 'true', 'false',
  'test', '[', 'uname', 'id', 'whoami', 'hostname', 'tar', 'gzip', 'gunzip', 'zcat', 'which', 'clear', 'more', 'stat', 'basename', 'dirname',
  'tr', 'cut', 'tee', 'kill', 'printf', 'readlink', 'realpath', 'du', 'df', 'mktemp', 'nproc', 'seq', 'yes', 'diff', 'cmp', 'expr', 'md5sum',
  'sha256sum', 'base64', 'od', 'tac', 'nl', 'paste', 'join', 'split', 'timeout', 'nohup', 'nice', 'stty', 'tty', 'sync', 'uptime', 'getent',
  'su', 'login', 'passwd', 'mount', 'umount', 'dmesg', 'apt', 'apt-get', 'apt-cache', 'apt-config', 'dpkg', 'dpkg-query', 'perl', 'tempfile',
] as const;
export const GNU_SBIN = ['useradd', 'userdel', 'usermod', 'groupadd', 'groupdel', 'chroot', 'ldconfig', 'start-stop-daemon', 'nologin'] as const;

export const PASSWD_DEBIAN = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;
export const GROUP_DEBIAN = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
cdrom:x:24:
sudo:x:27:
audio:x:29:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

function skeleton(fs: FsBuilder): void {
  for (const d of ['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/share', '/var/log', '/var/cache', '/var/lib', '/var/spool', '/var/mail']) fs.dir(d);
  fs.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
}

/** Debian/Ubuntu: merged /usr (`/bin` → `usr/bin`), GNU tools, bash. */
export function debianLike(fs: FsBuilder, osRelease: string, extraPasswd = '', extraGroup = ''): void {
  skeleton(fs);
  fs.exes('/usr/bin', GNU_TOOLS).exes('/usr/sbin', GNU_SBIN);
  fs.dir('/usr/lib').dir('/usr/lib64').dir('/usr/share');
  fs.link('/bin', 'usr/bin').link('/sbin', 'usr/sbin').link('/lib', 'usr/lib').link('/lib64', 'usr/lib64');
  fs.file('/etc/os-release', osRelease);
  fs.file('/etc/passwd', PASSWD_DEBIAN + extraPasswd);
  fs.file('/etc/group', GROUP_DEBIAN + extraGroup);
  fs.file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n');
  fs.file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n');
  fs.file('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n');
  fs.file('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n');
  fs.dir('/etc/apt/sources.list.d').dir('/var/lib/apt/lists').dir('/var/lib/dpkg');
}

/** Busybox applets linked into Alpine and the busybox image. */
export const BUSYBOX_BIN = [
  'sh', 'ash', 'ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'echo', 'pwd', 'touch', 'chmod', 'chown', 'chgrp', 'ln', 'grep', 'egrep', 'fgrep',
  'sed', 'date', 'sleep', 'true', 'false', 'uname', 'hostname', 'tar', 'gzip', 'gunzip', 'zcat', 'more', 'stat', 'kill', 'ps', 'df', 'mktemp',
  'dmesg', 'mount', 'umount', 'sync', 'su', 'login', 'ping', 'netstat', 'watch', 'vi', 'base64', 'printenv',
] as const;
export const BUSYBOX_USR_BIN = [
  'env', 'head', 'tail', 'wc', 'sort', 'uniq', 'awk', 'find', 'xargs', 'id', 'whoami', 'which', 'clear', 'basename', 'dirname', 'tr', 'cut',
  'tee', 'printf', 'readlink', 'realpath', 'du', 'nproc', 'seq', 'yes', 'diff', 'cmp', 'expr', 'md5sum', 'sha256sum', 'od', 'tac', 'nl',
  'paste', 'split', 'timeout', 'nohup', 'nice', 'test', '[', '[[', 'tty', 'uptime', 'wget', 'nc', 'less', 'free', 'top', 'time', 'unzip', 'getent',
] as const;
const BUSYBOX_SBIN = ['adduser', 'addgroup', 'deluser', 'delgroup', 'ifconfig', 'route', 'ip', 'halt', 'reboot', 'poweroff', 'init'] as const;

const PASSWD_ALPINE = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;
const GROUP_ALPINE = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

/** Alpine: busybox applets as symlinks to /bin/busybox, apk, musl. */
export function alpineRoot(fs: FsBuilder, version: string): void {
  skeleton(fs);
  fs.exe('/bin/busybox', 'busybox');
  for (const name of BUSYBOX_BIN) fs.link(`/bin/${name}`, '/bin/busybox');
  for (const name of BUSYBOX_USR_BIN) fs.link(`/usr/bin/${name}`, '/bin/busybox');
  for (const name of BUSYBOX_SBIN) fs.link(`/sbin/${name}`, '/bin/busybox');
  fs.exe('/sbin/apk').exe('/sbin/nologin').exe('/lib/ld-musl-x86_64.so.1', 'ld-musl');
  fs.file('/etc/alpine-release', `${version}\n`);
  const minor = version.split('.').slice(0, 2).join('.');
  fs.file(
    '/etc/os-release',
    `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
  );
  fs.file('/etc/passwd', PASSWD_ALPINE).file('/etc/group', GROUP_ALPINE);
  fs.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  fs.file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${minor}/community\n`);
  fs.file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n');
}

/** The busybox image: one static binary hard-linked under every applet name. */
export function busyboxRoot(fs: FsBuilder): void {
  for (const d of ['/dev', '/etc', '/home', '/proc', '/sys', '/usr/sbin', '/var/spool/mail', '/var/www']) fs.dir(d);
  fs.dir('/root', 0o700).dir('/tmp', 0o1777);
  for (const name of ['busybox', ...BUSYBOX_BIN, ...BUSYBOX_USR_BIN, ...BUSYBOX_SBIN]) fs.exe(`/bin/${name}`, 'busybox');
  fs.file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
  fs.file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nmail:x:8:\nwww-data:x:33:\noperator:x:37:\nstaff:x:50:\nusers:x:100:\nnogroup:x:65534:\n');
}
