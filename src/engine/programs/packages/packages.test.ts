import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../context.js';
import { MemFs } from '../../../os/memfs.js';
import { CancelSource, CollectingOutput, emptyInput, noSignals } from '../../../os/streams.js';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { registerCorePrograms } from '../core.js';
import { SimpleProgramRegistry } from '../registry.js';
import { Runner } from '../runner.js';
import { registerPackagePrograms } from './index.js';
import { resolveTree } from './npm/resolve.js';

function machine(os: 'debian' | 'alpine' = 'debian') {
  const clock = new VirtualClock();
  const programs = new SimpleProgramRegistry();
  registerCorePrograms(programs);
  registerPackagePrograms(programs);
  const ctx = { clock, ids: new SeededIds(3), programs } as Partial<EngineContext> as EngineContext;
  const runner = new Runner(ctx);
  const fs = new MemFs();
  for (const dir of ['/bin', '/usr/bin', '/usr/local/bin', '/etc', '/app', '/root', '/tmp']) fs.mkdir(dir, { recursive: true });
  for (const name of ['sh', 'npm', 'pip', 'apt-get', 'apk']) fs.writeFile(`/usr/bin/${name}`, `#!slipway ${name}\n`, { mode: 0o755 });
  fs.writeFile('/etc/os-release', os === 'alpine' ? 'ID=alpine\nVERSION_ID=3.22.1\n' : 'ID=debian\nVERSION_CODENAME=trixie\nVERSION_ID="13"\n');
  const run = async (argv: string[], env: string[] = ['PATH=/usr/local/bin:/usr/bin:/bin']) => {
    const stdout = new CollectingOutput();
    const stderr = new CollectingOutput();
    const code = await runner.run(
      { argv, env, cwd: '/app', user: 'root', tty: false, openStdin: false },
      fs,
      { stdin: emptyInput, stdout, stderr, signals: noSignals },
      { killed: new CancelSource(), pid1: false },
    );
    return { code, out: stdout.text, err: stderr.text };
  };
  return { fs, run };
}

describe('npm', () => {
  it('installs express 4 with its real dependency tree and npm 10 output', async () => {
    const m = machine();
    m.fs.writeFile('/app/package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '^4.18.2' } }));
    const r = await m.run(['npm', 'install']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\nadded 69 packages, and audited 70 packages in \ds\n\n\d+ packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\n$/);
    expect(JSON.parse(new TextDecoder().decode(m.fs.readFile('/app/node_modules/express/package.json'))).version).toBe('4.21.2');
    expect(m.fs.stat('/app/node_modules/.package-lock.json')?.kind).toBe('file');
    expect(m.fs.stat('/app/package-lock.json')?.kind).toBe('file');
    const again = await m.run(['npm', 'install']);
    expect(again.out).toMatch(/^\nup to date, audited 70 packages in/);
  });

  it('with no dependencies (empty object or none) is up to date and creates no node_modules', async () => {
    for (const pkg of [{ name: 'app', version: '1.0.0', dependencies: {} }, { name: 'app', version: '1.0.0' }]) {
      const m = machine();
      m.fs.writeFile('/app/package.json', JSON.stringify(pkg));
      const r = await m.run(['npm', 'install']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^\nup to date, audited 1 package in \d+m?s\n\nfound 0 vulnerabilities\n$/);
      expect(m.fs.stat('/app/package-lock.json')?.kind).toBe('file');
      expect(m.fs.stat('/app/node_modules')).toBeNull();
    }
  });

  it('nests a second version under its parent', () => {
    const r = resolveTree({ express: '^4.0.0', debug: '^4.0.0' });
    expect(r.ok).toBe(true);
    const paths = r.ok ? r.installed.map((i) => `${i.path}@${i.release.version}`) : [];
    expect(paths).toContain('node_modules/debug@4.4.1');
    expect(paths).toContain('node_modules/express/node_modules/debug@2.6.9');
  });

  it('fails with E404 for an unknown package and ENOENT without package.json', async () => {
    const m = machine();
    const r = await m.run(['npm', 'install', 'nosuchpkg-xyz']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/nosuchpkg-xyz - Not found\n');
    expect(r.err).toContain("npm error 404  'nosuchpkg-xyz@*' is not in this registry.");
    const e = await m.run(['npm', 'install']);
    expect(e.code).toBe(254);
    expect(e.err).toMatch(/^npm error code ENOENT\nnpm error syscall open\nnpm error path \/app\/package.json\n/);
  });

  it('npm install <name> adds it to package.json; npm ci needs a lockfile', async () => {
    const m = machine();
    m.fs.writeFile('/app/package.json', JSON.stringify({ name: 'app', version: '1.0.0' }));
    const ci = await m.run(['npm', 'ci']);
    expect(ci.code).toBe(1);
    expect(ci.err).toContain('npm error code EUSAGE');
    const r = await m.run(['npm', 'install', 'lodash']);
    expect(r.out).toMatch(/added 1 package, and audited 2 packages/);
    expect(JSON.parse(new TextDecoder().decode(m.fs.readFile('/app/package.json'))).dependencies).toEqual({ lodash: '^4.17.21' });
    expect((await m.run(['npm', 'ci'])).code).toBe(0);
  });

  it('npm run reports a missing script', async () => {
    const m = machine();
    m.fs.writeFile('/app/package.json', JSON.stringify({ name: 'app', version: '1.0.0', scripts: {} }));
    const r = await m.run(['npm', 'run', 'build']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^npm error Missing script: "build"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error {3}npm run\n/);
  });
});

describe('pip', () => {
  it('installs flask from requirements.txt with the root warning', async () => {
    const m = machine();
    m.fs.writeFile('/app/requirements.txt', 'flask\n# comment\n');
    const r = await m.run(['pip', 'install', '-r', 'requirements.txt'], ['PATH=/usr/bin:/bin', 'PYTHON_VERSION=3.12.14']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Collecting flask\n/);
    expect(r.out).toContain('Collecting blinker (from flask)');
    expect(r.out).toContain('Successfully installed blinker-1.9.0 click-8.2.1 flask-3.1.1 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.2 werkzeug-3.1.3\n');
    expect(r.err).toMatch(/^WARNING: Running pip as the 'root' user/);
    expect(m.fs.stat('/usr/local/lib/python3.12/site-packages/flask/__init__.py')?.kind).toBe('file');
  });

  it('reports an unknown requirement', async () => {
    const m = machine();
    const r = await m.run(['pip', 'install', 'nosuchpkg']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\nERROR: No matching distribution found for nosuchpkg\n');
  });
});

describe('apt-get and apk', () => {
  it('apt-get install before update cannot locate packages (exit 100)', async () => {
    const m = machine();
    const r = await m.run(['apt-get', 'install', '-y', 'curl']);
    expect(r.code).toBe(100);
    expect(r.err).toBe('E: Unable to locate package curl\n');
  });

  it('apt-get update then install -y installs with dependencies', async () => {
    const m = machine();
    expect((await m.run(['apt-get', 'update'])).out).toContain('Get:1 http://deb.debian.org/debian trixie InRelease [140 kB]');
    const r = await m.run(['apt-get', 'install', '-y', 'curl']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The following NEW packages will be installed:\n  ca-certificates curl libcurl4t64');
    expect(r.out).toContain('Setting up curl (8.14.1-2) ...');
    expect(m.fs.stat('/usr/bin/curl')?.mode).toBe(0o755);
    expect((await m.run(['apt-get', 'install', '-y', 'curl'])).out).toContain('curl is already the newest version (8.14.1-2).');
  });

  it('apt-get without -y aborts when nobody answers', async () => {
    const m = machine();
    await m.run(['apt-get', 'update']);
    const r = await m.run(['apt-get', 'install', 'nano']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Do you want to continue\? \[Y\/n\] Abort\.\n$/);
  });

  it('apk add installs and reports unknown packages', async () => {
    const m = machine('alpine');
    const r = await m.run(['apk', 'add', '--no-cache', 'curl']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^fetch https:\/\/dl-cdn.alpinelinux.org\/alpine\/v3.22\/main\/x86_64\/APKINDEX.tar.gz\n/);
    expect(r.out).toMatch(/\(\d+\/\d+\) Installing curl \(8.14.1-r1\)\n/);
    expect(r.out).toMatch(/OK: \d+ MiB in \d+ packages\n$/);
    const bad = await m.run(['apk', 'add', 'nosuch']);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n');
  });
});

describe('npm -v and npx', () => {
  it('reports the image npm version and says when npx has nothing to run', async () => {
    const m = machine();
    m.fs.mkdir('/usr/local/lib/node_modules/npm', { recursive: true });
    m.fs.writeFile('/usr/local/lib/node_modules/npm/package.json', '{"name":"npm","version":"11.6.2"}');
    expect((await m.run(['npm', '-v'])).out).toBe('11.6.2\n');
    m.fs.writeFile('/usr/bin/npx', '#!slipway npx\n', { mode: 0o755 });
    const r = await m.run(['npx', 'nodemon']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('npm error could not determine executable to run\n');
  });
});
