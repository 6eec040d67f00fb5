/**
 * The Node runtime inside the real Engine: build the course app, run it with
 * a published port, answer through engine.http, and stop it (PID 1 without a
 * SIGTERM handler: the 10 s wait, then SIGKILL). Until Engine.ts calls
 * registerNodeRuntime, the test swaps the stand-in at registration time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemFs } from '../../../os/memfs.js';
import { CollectingOutput } from '../../../os/streams.js';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { Engine } from '../../Engine.js';
import { SimpleProgramRegistry } from '../../programs/registry.js';
import { createNodeProgram } from './index.js';

const node = createNodeProgram();
const register = SimpleProgramRegistry.prototype.register;

afterEach(() => vi.restoreAllMocks());

const SERVER = `const express = require('express');
const bodyParser = require('body-parser');
const app = express();
let goal = 'Learn Docker!';
app.use(bodyParser.urlencoded({ extended: false }));
app.use(express.static('public'));
app.get('/', (req, res) => res.send('<h3>' + goal + '</h3>'));
app.post('/store-goal', (req, res) => { goal = req.body.goal; console.log(goal); res.redirect('/'); });
app.listen(80);
`;

describe('node in the Engine', () => {
  it('runs the built course app behind a published port and stops it after the grace period', async () => {
    vi.spyOn(SimpleProgramRegistry.prototype, 'register').mockImplementation(function (this: SimpleProgramRegistry, name, program) {
      register.call(this, name, name === 'node' || name === 'nodejs' ? node : program);
    });
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(3) });
    const fs = new MemFs({ now: () => clock.now() });
    const files: Record<string, string> = {
      Dockerfile: 'FROM node\nWORKDIR /app\nCOPY . /app\nRUN npm install\nEXPOSE 80\nCMD ["node","server.js"]\n',
      'package.json': JSON.stringify({ name: 'goals', version: '1.0.0', dependencies: { express: '^4.18.2', 'body-parser': '^1.19.0' } }),
      'server.js': SERVER,
      'public/styles.css': 'h3 { color: teal; }\n',
    };
    for (const [path, text] of Object.entries(files)) {
      fs.mkdir(`/w/${path}`.slice(0, `/w/${path}`.lastIndexOf('/')), { recursive: true });
      fs.writeFile(`/w/${path}`, text);
    }
    await engine.builder.build({ context: fs, contextDir: '/w', dockerfile: '/w/Dockerfile', tags: ['goals'] }, () => undefined);
    const { id } = engine.containers.create({ image: 'goals', publish: [{ containerPort: '80/tcp', hostIp: '', hostPort: '3000' }] });
    const stdout = new CollectingOutput();
    const stderr = new CollectingOutput();
    engine.containers.attach(id, { stdin: false, stdout, stderr });
    await engine.containers.start(id);
    const get = () => engine.http(3000, { method: 'GET', url: '/', headers: { host: 'localhost:3000' }, body: new Uint8Array() });
    let page = await get().catch(() => null);
    for (let i = 0; page === null && i < 20_000; i++) {
      await new Promise((r) => setImmediate(r));
      page = await get().catch(() => null);
    }
    expect(stderr.text).toBe('');
    expect(new TextDecoder().decode(page!.body)).toBe('<h3>Learn Docker!</h3>');
    const body = new TextEncoder().encode('goal=Ship+it');
    const posted = await engine.http(3000, { method: 'POST', url: '/store-goal', headers: { host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) }, body });
    expect([posted.status, posted.headers.location]).toEqual([302, '/']);
    expect(new TextDecoder().decode((await get()).body)).toBe('<h3>Ship it</h3>');
    const css = await engine.http(3000, { method: 'GET', url: '/styles.css', headers: {}, body: new Uint8Array() });
    expect(new TextDecoder().decode(css.body)).toBe('h3 { color: teal; }\n');
    expect(stdout.text).toBe('Ship it\n');
    const before = clock.now();
    await engine.containers.stop(id);
    expect(clock.now() - before).toBe(10_000);
    expect(await engine.containers.wait(id)).toBe(137);
  });

  it('docker run -it node is a REPL on the container pty', async () => {
    vi.spyOn(SimpleProgramRegistry.prototype, 'register').mockImplementation(function (this: SimpleProgramRegistry, name, program) {
      register.call(this, name, name === 'node' || name === 'nodejs' ? node : program);
    });
    const clock = new VirtualClock();
    const engine = new Engine({ clock, ids: new SeededIds(4) });
    await engine.images.pull('node', () => undefined);
    const { id } = engine.containers.create({ image: 'node', tty: true, openStdin: true });
    const stdout = new CollectingOutput();
    const session = engine.containers.attach(id, { stdin: true, stdout, stderr: stdout });
    await engine.containers.start(id);
    const waitFor = async (text: string): Promise<void> => {
      for (let i = 0; i < 20_000 && !stdout.text.endsWith(text); i++) await new Promise((r) => setImmediate(r));
    };
    await waitFor('> ');
    session.write('[1,2,3].map(x => x * 2)\r');
    await waitFor('[ 2, 4, 6 ]\r\n> ');
    session.write('.exit\r');
    expect(await engine.containers.wait(id)).toBe(0);
    expect(stdout.text).toBe('Welcome to Node.js v26.7.0.\r\nType ".help" for more information.\r\n> [1,2,3].map(x => x * 2)\r\n[ 2, 4, 6 ]\r\n> .exit\r\n');
  });
});
