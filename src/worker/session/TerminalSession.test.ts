import { describe, expect, it } from 'vitest';
import { MemFs } from '../../os/memfs.js';
import { VirtualClock } from '../../os/testing/virtualClock.js';
import type { CommandIO } from '../../os/process.js';
import type { EngineApi } from '../../engine/index.js';
import { TerminalSession } from './TerminalSession.js';
import type { SessionShell, ShellConfig } from './deps.js';
import { TranscriptRecorder, runTranscript } from './transcript.js';
import { createCompleter } from './complete.js';

/** A stand-in shell with a handful of commands that exercise the terminal. */
class FakeShell implements SessionShell {
  cwd: string;
  lastStatus = 0;
  constructor(readonly config: ShellConfig) {
    this.cwd = config.cwd;
  }
  isComplete(source: string): boolean {
    return !source.endsWith('\\');
  }
  async run(source: string, io: CommandIO): Promise<number> {
    const [cmd, ...args] = source.replace(/\\\n/g, ' ').trim().split(/\s+/);
    this.lastStatus = await this.exec(cmd, args, io);
    return this.lastStatus;
  }
  private async exec(cmd: string, args: string[], io: CommandIO): Promise<number> {
    switch (cmd) {
      case 'echo':
        io.stdout.write(args.join(' ') + '\n');
        return 0;
      case 'cd':
        this.cwd = args[0];
        return 0;
      case 'ask': {
        io.stdout.write('Name: ');
        const answer = await io.stdin.read();
        io.stdout.write(answer === null ? '\nEOF\n' : `hello ${answer}`);
        return answer === null ? 1 : 0;
      }
      case 'secret': {
        io.terminal?.setEcho(false);
        io.stdout.write('Password: ');
        const answer = await io.stdin.read();
        io.terminal?.setEcho(true);
        io.stdout.write(`\nlength ${answer?.trim().length}\n`);
        return 0;
      }
      case 'raw': {
        io.terminal?.setRawMode(true);
        const chunk = await io.stdin.read();
        io.terminal?.setRawMode(false);
        io.stdout.write(JSON.stringify(chunk) + '\n');
        return 0;
      }
      case 'wait':
        return new Promise((resolve) => {
          io.stdout.write('waiting');
          io.signals.on((signal) => {
            io.stdout.write(`got ${signal}\n`);
            resolve(130);
          });
        });
      case 'two': {
        const both = await Promise.all([io.stdin.read(), io.stdin.read()]);
        io.stdout.write(JSON.stringify(both) + '\n');
        return 0;
      }
      case 'history':
        io.stdout.write(this.config.history().join('|') + '\n');
        return 0;
      default:
        io.stderr.write(`bash: ${cmd}: command not found\n`);
        return 127;
    }
  }
}

function setup(columns = 80) {
  const fs = new MemFs();
  fs.mkdir('/home/student/app/src', { recursive: true });
  fs.writeFile('/home/student/app/server.js', '');
  fs.writeFile('/home/student/app/package.json', '{}');
  const recorder = new TranscriptRecorder();
  const session = new TerminalSession({
    engine: {} as EngineApi,
    fs,
    clock: new VirtualClock(),
    columns,
    rows: 24,
    write: recorder.write,
    createShell: (config) => new FakeShell(config),
  });
  session.start();
  return { session, recorder, fs };
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

async function transcript(lines: string[]): Promise<{ text: string; status: number }> {
  const { session, recorder } = setup();
  let text = '';
  const status = await runTranscript(session, recorder, lines, { settle, quietRounds: 20, finalRounds: 200, emit: (t) => (text += t) });
  return { text, status };
}

describe('TerminalSession', () => {
  it('shows the bash-style prompt with ~ for HOME and follows cd', async () => {
    const { text } = await transcript(['echo hi', 'cd /home/student', 'cd /tmp', 'nope']);
    expect(text).toBe(
      [
        'student@slipway:~/app$ echo hi',
        'hi',
        'student@slipway:~/app$ cd /home/student',
        'student@slipway:~$ cd /tmp',
        'student@slipway:/tmp$ nope',
        'bash: nope: command not found',
        'student@slipway:/tmp$',
        '',
      ].join('\n'),
    );
  });

  it('exits with the last status', async () => {
    expect((await transcript(['nope'])).status).toBe(127);
    expect((await transcript(['echo ok'])).status).toBe(0);
  });

  it('gives a reading program one cooked line, echoed after its prompt', async () => {
    const { text } = await transcript(['ask', 'Ada']);
    expect(text).toContain('student@slipway:~/app$ ask\nName: Ada\nhello Ada\n');
  });

  it('turns ^D into end of input for the program, and ^C into SIGINT', async () => {
    const { text } = await transcript(['ask', '^D', 'wait', '^C']);
    expect(text).toContain('Name:\nEOF\n');
    expect(text).toContain('waiting^C\ngot SIGINT\nstudent@slipway:~/app$');
  });

  it('serves two reads waiting at once, one line each', async () => {
    const { text } = await transcript(['two', 'a', 'b', 'echo done']);
    expect(text).toContain('two\na\nb\n["a\\n","b\\n"]\nstudent@slipway:~/app$ echo done\ndone\n');
  });

  it('does not echo a password', async () => {
    const { text } = await transcript(['secret', 'hunter2']);
    expect(text).toContain('Password:\nlength 7\n');
  });

  it('passes raw keys, including ^P^Q, straight to the program', async () => {
    const { text } = await transcript(['raw', '^P^Q']);
    expect(text).toContain('"\\u0010\\u0011"');
  });

  it('joins continuation lines and records history', async () => {
    const { text } = await transcript(['echo a \\', 'b', 'history']);
    expect(text).toContain('student@slipway:~/app$ echo a \\\n> b\na b\n');
    expect(text).toContain('echo a b|history\n');
  });

  it('reports idle and reading states', async () => {
    const { session } = setup();
    expect(session.isIdle()).toBe(true);
    await session.input('ask\r');
    await settle();
    expect(session.isIdle()).toBe(false);
    expect(session.waitingForInput()).toBe(true);
    await session.input('x\r');
    await settle();
    expect(session.isIdle()).toBe(true);
  });

  it('turns bracketed paste on at the prompt and off for programs, like bash', async () => {
    const fs = new MemFs();
    let raw = '';
    const session = new TerminalSession({ engine: {} as EngineApi, fs, clock: new VirtualClock(), columns: 80, rows: 24, write: (t) => (raw += t), createShell: (c) => new FakeShell(c) });
    session.start();
    expect(raw).toBe('\x1b[J\x1b[?2004h\x1b[01;32mstudent@slipway\x1b[00m:\x1b[01;34m~/app\x1b[00m$ ');
    raw = '';
    await session.input('echo hi\r');
    await settle();
    expect(raw).toBe('echo hi\r\n\x1b[?2004lhi\r\n\x1b[J\x1b[?2004h\x1b[01;32mstudent@slipway\x1b[00m:\x1b[01;34m~/app\x1b[00m$ ');
  });

  it('ends the shell on Ctrl-D at an empty prompt', async () => {
    const { session, recorder } = setup();
    await session.input('\x04');
    expect(session.state).toBe('exited');
    expect(recorder.screen.takeAll()).toBe('student@slipway:~/app$ exit\n');
  });
});

describe('session completer', () => {
  it('completes commands, files and directories', async () => {
    const { fs } = setup();
    const complete = createCompleter({ fs, cwd: () => '/home/student/app', home: '/home/student', engine: {} as EngineApi });
    expect((await complete('doc', 3)).candidates).toEqual(['docker']);
    expect(await complete('cat se', 6)).toEqual({ replaceFrom: 4, candidates: ['server.js'], filenames: true });
    expect((await complete('ls ', 3)).candidates).toEqual(['package.json', 'server.js', 'src/']);
    expect((await complete('ls ~/app/s', 10)).candidates).toEqual(['~/app/server.js', '~/app/src/']);
    expect((await complete('echo x | gr', 11)).candidates).toEqual(['grep']);
    expect((await complete('echo x|gr', 9)).candidates).toEqual(['grep']);
    expect((await complete('cd ', 3)).candidates).toEqual(['src/']);
  });

  it('escapes file names the way bash inserts them', async () => {
    const { fs } = setup();
    fs.writeFile('/home/student/app/my notes.txt', '');
    const complete = createCompleter({ fs, cwd: () => '/home/student/app', home: '/home/student', engine: {} as EngineApi });
    expect((await complete('cat my', 6)).candidates).toEqual(['my\\ notes.txt']);
    expect((await complete('cat my\\ n', 9)).candidates).toEqual(['my\\ notes.txt']);
  });

  it('asks the docker completer for docker arguments', async () => {
    const { fs } = setup();
    const seen: string[][] = [];
    const complete = createCompleter({
      fs,
      cwd: () => '/home/student/app',
      home: '/home/student',
      engine: {} as EngineApi,
      docker: (words) => (seen.push([...words]), ['ps', 'pull', 'push']),
    });
    expect(await complete('docker pu', 9)).toEqual({ replaceFrom: 7, candidates: ['pull', 'push'] });
    expect(seen).toEqual([['pu']]);
  });
});

describe('TerminalSession properties', () => {
  it('survives arbitrary keys and always comes back to a prompt after Ctrl-C', async () => {
    const { default: fc } = await import('fast-check');
    const key = fc.oneof(
      fc.constantFrom('echo hi\r', 'ask\r', 'secret\r', 'raw\r', 'wait\r', 'history\r', 'nope\r', 'echo a \\\r', 'cd /tmp\r'),
      fc.constantFrom('\x03', '\x04', '\t', '\t\t', '\x1b[A', '\x7f', '\x10\x11', '\x1b[200~x\ny\x1b[201~', 'x', '\r'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(key, { maxLength: 15 }), async (keys) => {
        const { session } = setup();
        for (const k of keys) {
          await session.input(k);
          await settle();
        }
        // A raw reader takes the first Ctrl-C as data; the next one reaches the program as SIGINT or the prompt.
        for (let i = 0; i < 3 && session.state !== 'prompt' && session.state !== 'exited'; i++) {
          await session.input(session.state === 'reading' ? '\x04' : '\x03');
          await settle();
        }
        expect(['prompt', 'exited']).toContain(session.state);
      }),
      { numRuns: 150 },
    );
  });
});
