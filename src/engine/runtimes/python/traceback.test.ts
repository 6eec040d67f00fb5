import { describe, expect, it } from 'vitest';
import { cpythonMessage, cpythonTraceback } from './traceback.js';

describe('cpythonTraceback', () => {
  const source = { filename: '/app/x.py', lines: ['x = 1', 'print(y)'] };

  it('names the file, shows the source line and hides Slipway frames', () => {
    const mp = 'Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\n  File "<stdin>", line 4, in __slipway_input\nNameError: name \'y\' isn\'t defined\n';
    expect(cpythonTraceback(mp, source)).toBe('Traceback (most recent call last):\n  File "/app/x.py", line 2, in <module>\n    print(y)\nNameError: name \'y\' is not defined\n');
  });

  it('reports syntax errors without the Traceback header', () => {
    expect(cpythonTraceback('Traceback (most recent call last):\n  File "<stdin>", line 1\nSyntaxError: invalid syntax\n', source)).toBe('  File "/app/x.py", line 1\n    x = 1\nSyntaxError: invalid syntax\n');
  });

  it('uses CPython wording for common messages', () => {
    expect(cpythonMessage("ValueError: invalid syntax for integer with base 10: 'abc'")).toBe("ValueError: invalid literal for int() with base 10: 'abc'");
    expect(cpythonMessage("TypeError: unsupported types for __add__: 'int', 'str'")).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(cpythonMessage('KeyboardInterrupt: ')).toBe('KeyboardInterrupt');
    expect(cpythonMessage("ImportError: no module named 'flask'")).toBe("ModuleNotFoundError: No module named 'flask'");
  });
});
