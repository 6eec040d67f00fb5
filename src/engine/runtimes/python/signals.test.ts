import { describe, expect, it } from 'vitest';
import { Pipe } from '../../../os/streams.js';
import { pythonHarness, until } from './testing/harness.js';

describe('python signals', () => {
  it('Ctrl-C during input() raises KeyboardInterrupt with a traceback, exit 130', async () => {
    const t = pythonHarness({ '/app/a.py': 'name = input("Name: ")\nprint(name)\n' });
    const stdin = new Pipe();
    const run = t.start(['python', 'a.py'], { stdin, tty: true });
    await until(() => t.stdout.text.endsWith('Name: '));
    t.signals.emit('SIGINT');
    expect(await run).toBe(130);
    expect(t.stderr.text).toBe('Traceback (most recent call last):\n  File "/app/a.py", line 1, in <module>\n    name = input("Name: ")\nKeyboardInterrupt\n');
  });

  it('a handled KeyboardInterrupt lets the script go on', async () => {
    const t = pythonHarness({ '/app/a.py': 'try:\n    input("? ")\nexcept KeyboardInterrupt:\n    print("bye")\n' });
    const run = t.start(['python', 'a.py'], { stdin: new Pipe(), tty: true });
    await until(() => t.stdout.text.endsWith('? '));
    t.signals.emit('SIGINT');
    expect(await run).toBe(0);
    expect(t.stdout.text).toBe('? bye\n');
  });

  it('docker kill ends a script waiting for input (137)', async () => {
    const t = pythonHarness({ '/app/a.py': 'input("? ")\n' });
    const stdin = new Pipe();
    const run = t.start(['python', 'a.py'], { stdin, tty: true });
    await until(() => t.stdout.text.endsWith('? '));
    t.killed.cancel();
    expect(await run).toBe(137);
  });
});
