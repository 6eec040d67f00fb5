/**
 * The Python runtime inside the real Engine: the course's interactive script
 * without and with -it, and the REPL. Until Engine.ts calls
 * registerPythonRuntime, the test swaps the stand-in at registration time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemFs } from '../../../os/memfs.js';
import { CollectingOutput } from '../../../os/streams.js';
import { SeededIds, VirtualClock } from '../../../os/testing/virtualClock.js';
import { Engine } from '../../Engine.js';
import { SimpleProgramRegistry } from '../../programs/registry.js';
import { createPythonProgram } from './index.js';

const python = createPythonProgram();
const register = SimpleProgramRegistry.prototype.register;

afterEach(() => vi.restoreAllMocks());

const RNG = `from random import randint

min_number = int(input('Please enter the min number: '))
max_number = int(input('Please enter the max number: '))

if (max_number < min_number):
  print('Invalid input - shutting down...')
else:
  rnd_number = randint(min_number, max_number)
  print(rnd_number)
`;

function engineWithPython(): { engine: Engine; clock: VirtualClock } {
  vi.spyOn(SimpleProgramRegistry.prototype, 'register').mockImplementation(function (this: SimpleProgramRegistry, name, program) {
    register.call(this, name, /^python(3(\.\d+)?)?$/.test(name) ? python : program);
  });
  const clock = new VirtualClock();
  return { engine: new Engine({ clock, ids: new SeededIds(5) }), clock };
}

async function buildRng(engine: Engine, clock: VirtualClock): Promise<void> {
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/w', { recursive: true });
  fs.writeFile('/w/Dockerfile', 'FROM python\nWORKDIR /app\nCOPY . /app\nCMD ["python","rng.py"]\n');
  fs.writeFile('/w/rng.py', RNG);
  await engine.builder.build({ context: fs, contextDir: '/w', dockerfile: '/w/Dockerfile', tags: ['rng'] }, () => undefined);
}

const waitFor = async (out: CollectingOutput, text: string): Promise<void> => {
  for (let i = 0; i < 20_000 && !out.text.endsWith(text); i++) await new Promise((r) => setImmediate(r));
};

describe('python in the Engine', () => {
  it('docker run without -it: EOFError traceback, exit 1', async () => {
    const { engine, clock } = engineWithPython();
    await buildRng(engine, clock);
    const { id } = engine.containers.create({ image: 'rng' });
    const stdout = new CollectingOutput();
    const stderr = new CollectingOutput();
    engine.containers.attach(id, { stdin: false, stdout, stderr });
    await engine.containers.start(id);
    expect(await engine.containers.wait(id)).toBe(1);
    expect(stdout.text).toBe('Please enter the min number: ');
    expect(stderr.text).toBe("Traceback (most recent call last):\n  File \"/app/rng.py\", line 3, in <module>\n    min_number = int(input('Please enter the min number: '))\nEOFError: EOF when reading a line\n");
  });

  it('docker run -it: prompts, reads two numbers, prints one between them', async () => {
    const { engine, clock } = engineWithPython();
    await buildRng(engine, clock);
    const { id } = engine.containers.create({ image: 'rng', tty: true, openStdin: true });
    const out = new CollectingOutput();
    const session = engine.containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await engine.containers.start(id);
    await waitFor(out, 'min number: ');
    session.write('10\r');
    await waitFor(out, 'max number: ');
    session.write('12\r');
    expect(await engine.containers.wait(id)).toBe(0);
    expect(out.text).toMatch(/^Please enter the min number: 10\r\nPlease enter the max number: 12\r\n1[012]\r\n$/);
  });

  it('docker run -it python is a REPL', async () => {
    const { engine } = engineWithPython();
    await engine.images.pull('python', () => undefined);
    const { id } = engine.containers.create({ image: 'python', tty: true, openStdin: true });
    const out = new CollectingOutput();
    const session = engine.containers.attach(id, { stdin: true, stdout: out, stderr: out });
    await engine.containers.start(id);
    await waitFor(out, '>>> ');
    session.write('1 + 1\r');
    await waitFor(out, '2\r\n>>> ');
    session.write('\x04');
    expect(await engine.containers.wait(id)).toBe(0);
    expect(out.text).toMatch(/^Python 3\.14\.\d+ \(main, .*\) \[GCC .*\] on linux\r\nType "help", "copyright", "credits" or "license" for more information\.\r\n>>> 1 \+ 1\r\n2\r\n>>> \r\n$/);
  });
});
