import { describe, expect, it } from 'vitest';
import { inputFrom } from '../../os/streams.js';
import { fakeTerminal, makeRig } from '../testing/harness.js';

describe('image commands against the engine', () => {
  it('docker pull prints the default tag note, layers, digest, status and the canonical name', async () => {
    const rig = makeRig();
    expect(await rig.docker(['pull', 'alpine'])).toBe(0);
    const lines = rig.stdout.text.split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/alpine');
    expect(lines).toContain('Status: Downloaded newer image for alpine:latest');
    expect(lines.at(-2)).toBe('docker.io/library/alpine:latest');
    // Without a terminal only whole status lines appear, never byte progress.
    expect(rig.stdout.text).not.toMatch(/Downloading|Extracting/);
    expect(await rig.docker(['pull', 'alpine:latest'])).toBe(0);
    expect(rig.stdout.text).toContain('Status: Image is up to date for alpine:latest\n');
    expect(rig.stdout.text.startsWith('latest: Pulling from library/alpine\n')).toBe(true);
  });

  it('ends every layer on its final line when redrawing on a terminal', async () => {
    const rig = makeRig();
    expect(await rig.docker(['pull', 'busybox:latest'], { terminal: fakeTerminal() })).toBe(0);
    const text = rig.stdout.text;
    expect(text).toMatch(/[0-9a-f]{12}: Pull complete/);
    expect(text).toMatch(/\x1b\[\d+A\r\x1b\[2K/);
  });

  it('docker images shows the v29 view with the in-use marker, and the classic table on request', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    await rig.docker(['tag', 'busybox', 'mybox:1.0']);
    expect(rig.stdout.text).toBe('');
    await rig.docker(['create', 'busybox', 'true']);
    expect(await rig.docker(['images'])).toBe(0);
    const lines = rig.stdout.text.split('\n');
    expect(lines[0]).toBe('IMAGE            ID             DISK USAGE   CONTENT SIZE   EXTRA');
    expect(lines[1]).toMatch(/^busybox:latest {3}[0-9a-f]{12} {3} +\S+ {3} +\S+ {3}U {4}$/);
    expect(lines[2]).toMatch(/^mybox:1\.0 {8}[0-9a-f]{12}/);
    expect(await rig.docker(['images', '--format', 'table {{.Repository}}\\t{{.Tag}}'])).toBe(0);
    expect(rig.stdout.text).toBe('REPOSITORY   TAG\nbusybox      latest\nmybox        1.0\n');
    expect(await rig.docker(['images', '-q'])).toBe(0);
    const ids = rig.stdout.text.trim().split('\n');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('rmi prints Untagged/Deleted records and collects errors', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    await rig.docker(['tag', 'busybox', 'mybox']);
    expect(await rig.docker(['rmi', 'mybox', 'nosuch'])).toBe(1);
    expect(rig.stdout.text).toBe('Untagged: mybox:latest\n');
    expect(rig.stderr.text).toBe('Error response from daemon: No such image: nosuch:latest\n');
  });

  it('tag validates the target on the client', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    expect(await rig.docker(['tag', 'busybox', 'MyApp'])).toBe(1);
    expect(rig.stderr.text).toBe('error parsing reference: "MyApp" is not a valid repository/tag: invalid reference format: repository name (library/MyApp) must be lowercase\n');
    expect(await rig.docker(['tag', 'busybox'])).toBe(1);
    expect(rig.stderr.text).toBe("docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n");
  });

  it('image prune asks first; only y confirms', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    expect(await rig.docker(['image', 'prune', '-a'], { stdin: inputFrom('yes\n') })).toBe(0);
    expect(rig.stdout.text).toBe('WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ');
    expect(await rig.docker(['image', 'prune', '-a'], { stdin: inputFrom('y\n') })).toBe(0);
    expect(rig.stdout.text).toMatch(/\[y\/N\] Deleted Images:\nuntagged: busybox:latest\n(untagged: busybox@sha256:[0-9a-f]{64}\n)?(deleted: sha256:[0-9a-f]{64}\n)+\nTotal reclaimed space: \S+\n$/);
    expect(await rig.docker(['image', 'prune', '-f'])).toBe(0);
    expect(rig.stdout.text).toBe('Total reclaimed space: 0B\n');
  });

  it('history prints the default table', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    expect(await rig.docker(['history', 'busybox'])).toBe(0);
    expect(rig.stdout.text.split('\n')[0]).toMatch(/^IMAGE {10}CREATED +CREATED BY +SIZE +COMMENT$/);
  });

  it('login prompts, hides the password and warns about plain-text storage', async () => {
    const rig = makeRig();
    const terminal = fakeTerminal();
    const echoes: boolean[] = [];
    terminal.setEcho = (e: boolean) => void echoes.push(e);
    expect(await rig.docker(['login'], { terminal, stdin: inputFrom('student\n', 'secret\n') })).toBe(0);
    expect(rig.stdout.text).toMatch(/\n\nUsername: Password: \nLogin Succeeded\n$/);
    expect(echoes).toEqual([false, true]);
    expect(rig.stderr.text).toBe(
      "WARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n",
    );
    expect(await rig.docker(['logout'])).toBe(0);
    expect(rig.stdout.text).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect(await rig.docker(['login'], { stdin: inputFrom('\n') })).toBe(1);
    expect(rig.stderr.text).toBe('error: username is required\n');
  });

  it('push without login is denied after the layer lines', async () => {
    const rig = makeRig();
    await rig.docker(['pull', 'busybox']);
    await rig.docker(['tag', 'busybox', 'student/box']);
    expect(await rig.docker(['push', 'student/box'])).toBe(1);
    expect(rig.stdout.text.split('\n').slice(0, 2)).toEqual(['Using default tag: latest', 'The push refers to repository [docker.io/student/box]']);
    expect(rig.stderr.text).toBe('denied: requested access to the resource is denied\n');
  });

  it('hints at docker image ls when docker images is given a subcommand name', async () => {
    const rig = makeRig();
    expect(await rig.docker(['images', 'ls'])).toBe(0);
    expect(rig.stderr.text).toBe('No images found matching "ls": did you mean "docker image ls"?\n');
    expect(await rig.docker(['image', 'ls', 'ls'])).toBe(0);
    expect(rig.stderr.text).toBe('');
  });
});
