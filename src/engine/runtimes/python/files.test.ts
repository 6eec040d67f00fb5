import { describe, expect, it } from 'vitest';
import { pythonHarness } from './testing/harness.js';

describe('python files', () => {
  it('imports a sibling module and reads files beside the script', async () => {
    const t = pythonHarness({
      '/app/helpers.py': 'def greet(name):\n    return "hello " + name\n',
      '/app/data/names.txt': 'ada\ngrace\n',
      '/app/main.py': 'from helpers import greet\nwith open("data/names.txt") as f:\n    for line in f:\n        print(greet(line.strip()))\n',
    });
    expect(await t.start(['python', 'main.py'])).toBe(0);
    expect(t.stdout.text).toBe('hello ada\nhello grace\n');
  });

  it('writes files back to the container', async () => {
    const t = pythonHarness({ '/app/w.py': 'with open("out.txt", "w") as f:\n    f.write("saved\\n")\n' });
    expect(await t.start(['python', 'w.py'])).toBe(0);
    expect(new TextDecoder().decode(t.fs.readFile('/app/out.txt'))).toBe('saved\n');
  });

  it('a missing file raises FileNotFoundError', async () => {
    const t = pythonHarness({ '/app/r.py': 'open("nope.txt")\n' });
    expect(await t.start(['python', 'r.py'])).toBe(1);
    expect(t.stderr.text).toBe('Traceback (most recent call last):\n  File "/app/r.py", line 1, in <module>\n    open("nope.txt")\nFileNotFoundError: [Errno 2] No such file or directory: \'nope.txt\'\n');
  });
});
