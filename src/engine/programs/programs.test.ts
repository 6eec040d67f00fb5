import { describe, expect, it } from 'vitest';
import { CollectingOutput } from '../../os/streams.js';
import { makeEngine, tick } from '../containers/testing/harness.js';

async function runAttached(engine: ReturnType<typeof makeEngine>, options: Parameters<typeof engine.containers.create>[0]) {
  const { id } = engine.containers.create(options);
  const stdout = new CollectingOutput();
  const stderr = new CollectingOutput();
  const session = engine.containers.attach(id, { stdin: true, stdout, stderr });
  await engine.containers.start(id);
  return { id, code: await session.done, stdout: stdout.text, stderr: stderr.text };
}

describe('built-in programs', () => {
  it("node's docker-entrypoint.sh prepends node for flags and non-commands, else execs the command", async () => {
    const engine = makeEngine();
    expect(await runAttached(engine, { image: 'node', cmd: ['-v'] })).toMatchObject({ code: 0, stdout: 'v24.11.1\n' });
    expect(await runAttached(engine, { image: 'node', cmd: ['sh', '-c', 'echo via sh'] })).toMatchObject({ code: 0, stdout: 'via sh\n' });
    const script = await runAttached(engine, { image: 'node', cmd: ['app.js'] });
    expect(script.code).toBe(1);
    expect(script.stderr).toBe('node: the Node.js runtime is not available yet in this build of Slipway (tried: node app.js)\n');
  });

  it('node without a TTY reads stdin to EOF and exits 0; with a TTY it explains and exits 0', async () => {
    const engine = makeEngine();
    expect(await runAttached(engine, { image: 'node' })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const tty = await runAttached(engine, { image: 'node', tty: true, openStdin: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toBe('The interactive Node.js REPL is not available yet in this build of Slipway.\r\n');
  });

  it('nginx shuts down fast on SIGTERM with exit code 0', async () => {
    const engine = makeEngine();
    const { containers } = engine;
    containers.create({ image: 'nginx', name: 'web' });
    await containers.start('web');
    await tick();
    await containers.stop('web', { signal: 'SIGTERM' });
    expect(containers.inspect('web')).toMatchObject({ State: { ExitCode: 0 } });
    const err = new CollectingOutput();
    await containers.logs('web', {}, { stdout: new CollectingOutput(), stderr: err });
    expect(err.text).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(err.text).not.toContain('gracefully shutting down');
  });

  it('nginx redirects directories, answers HEAD, refuses other methods, and types files', async () => {
    const engine = makeEngine();
    const { containers } = engine;
    containers.create({ image: 'nginx', name: 'web', publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '8080' }] });
    containers.copyTo('web', '/usr/share/nginx/html', [
      { path: 'docs', kind: 'dir', mode: 0o755 },
      { path: 'docs/index.html', kind: 'file', mode: 0o644, data: new TextEncoder().encode('<p>docs</p>') },
      { path: 'app.js', kind: 'file', mode: 0o644, data: new TextEncoder().encode('1') },
    ]);
    await containers.start('web');
    await tick();
    const req = (method: string, url: string) => containers.http(8080, { method, url, headers: { host: 'localhost:8080' }, body: new Uint8Array(0) });
    const moved = await req('GET', '/docs');
    expect([moved.status, moved.headers.location]).toEqual([301, 'http://localhost:8080/docs/']);
    expect(new TextDecoder().decode((await req('GET', '/docs/')).body)).toBe('<p>docs</p>');
    const head = await req('HEAD', '/app.js');
    expect([head.status, head.headers['content-type'], head.headers['content-length'], head.body.length]).toEqual([200, 'application/javascript', '1', 0]);
    expect((await req('POST', '/')).status).toBe(405);
    expect((await req('GET', '/../etc/passwd')).status).toBe(400);
    expect((await req('GET', '/docs/../app.js')).status).toBe(200);
  });

  it('nginx without "daemon off;" forks away and the container exits at once', async () => {
    const engine = makeEngine();
    expect(await runAttached(engine, { image: 'nginx', cmd: ['nginx'] })).toMatchObject({ code: 0 });
  });

  it('sleep honours the virtual clock and rejects bad intervals', async () => {
    const engine = makeEngine();
    const before = engine.clock.now();
    expect(await runAttached(engine, { image: 'busybox', cmd: ['sleep', '2m'] })).toMatchObject({ code: 0 });
    expect(engine.clock.now() - before).toBe(120_000);
    expect(await runAttached(engine, { image: 'busybox', cmd: ['sleep', 'soon'] })).toMatchObject({ code: 1, stderr: "sleep: invalid time interval 'soon'\n" });
  });
});
