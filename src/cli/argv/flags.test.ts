import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FlagParseError, Flags, parseFlags, parseGoInt, type FlagSpec } from './flags.js';

const RUN_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd', kind: 'bool', usage: '' },
  { long: 'interactive', short: 'i', kind: 'bool', usage: '' },
  { long: 'tty', short: 't', kind: 'bool', usage: '' },
  { long: 'rm', kind: 'bool', usage: '' },
  { long: 'name', kind: 'string', usage: '' },
  { long: 'publish', short: 'p', kind: 'list', usage: '' },
  { long: 'env', short: 'e', kind: 'list', usage: '' },
  { long: 'stop-timeout', kind: 'int', usage: '' },
];

function parse(argv: string[], interspersed = false): Flags {
  return new Flags(parseFlags(argv, RUN_FLAGS, { interspersed }));
}

describe('parseFlags (pflag rules)', () => {
  it('groups shorthand booleans', () => {
    const f = parse(['-it', 'ubuntu', 'bash']);
    expect(f.bool('interactive')).toBe(true);
    expect(f.bool('tty')).toBe(true);
    expect(f.args).toEqual(['ubuntu', 'bash']);
  });

  it('lets the last shorthand of a group take a value, attached or separate', () => {
    expect(parse(['-dp', '3000:80', 'node']).list('publish')).toEqual(['3000:80']);
    expect(parse(['-p8080:80', 'nginx']).list('publish')).toEqual(['8080:80']);
    expect(parse(['-p=8080:80', 'nginx']).list('publish')).toEqual(['8080:80']);
    expect(parse(['-dp3000:80', 'x']).bool('detach')).toBe(true);
  });

  it('accepts --name=x and --name x, and repeated list flags', () => {
    expect(parse(['--name=web', 'nginx']).string('name')).toBe('web');
    expect(parse(['--name', 'web', 'nginx']).string('name')).toBe('web');
    expect(parse(['-e', 'A=1', '--env', 'B=2', '-eC=3', 'x']).list('env')).toEqual(['A=1', 'B=2', 'C=3']);
  });

  it('parses bool values with =', () => {
    expect(parse(['--rm=false', 'x']).bool('rm')).toBe(false);
    expect(parse(['--rm=true', 'x']).bool('rm')).toBe(true);
    expect(parse(['--rm', 'x']).bool('rm')).toBe(true);
    expect(() => parse(['--rm=yes', 'x'])).toThrow('invalid argument "yes" for "--rm" flag: strconv.ParseBool: parsing "yes": invalid syntax');
    expect(() => parse(['-d=maybe', 'x'])).toThrow('invalid argument "maybe" for "-d, --detach" flag');
  });

  it('stops at the first positional when not interspersed, and keeps flags after the image for the container', () => {
    const f = parse(['nginx', '-p', '80:80']);
    expect(f.list('publish')).toEqual([]);
    expect(f.args).toEqual(['nginx', '-p', '80:80']);
  });

  it('collects flags anywhere when interspersed', () => {
    const f = parse(['web', '-d', 'db'], true);
    expect(f.bool('detach')).toBe(true);
    expect(f.args).toEqual(['web', 'db']);
  });

  it('treats -- as the end of flags and drops it', () => {
    expect(parse(['-d', '--', '-x', 'y'], true).args).toEqual(['-x', 'y']);
    expect(parse(['-'], true).args).toEqual(['-']);
  });

  it('words errors like pflag', () => {
    const message = (argv: string[]): string => {
      try {
        parse(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(FlagParseError);
        return (error as Error).message;
      }
      return '';
    };
    expect(message(['--foo'])).toBe('unknown flag: --foo');
    expect(message(['--foo=bar'])).toBe('unknown flag: --foo');
    expect(message(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(message(['-ix'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(message(['-xd'])).toBe("unknown shorthand flag: 'x' in -xd");
    expect(message(['--name'])).toBe('flag needs an argument: --name');
    expect(message(['-dp'])).toBe("flag needs an argument: 'p' in -p");
    expect(message(['--stop-timeout', 'ten'])).toBe('invalid argument "ten" for "--stop-timeout" flag: strconv.ParseInt: parsing "ten": invalid syntax');
  });

  it('property: grouped shorthand booleans equal separate ones', () => {
    fc.assert(
      fc.property(fc.subarray(['d', 'i', 't'], { minLength: 1 }), fc.boolean(), (letters, withValue) => {
        const tail = withValue ? ['-p', '80', 'img'] : ['img'];
        const grouped = parse([`-${letters.join('')}`, ...tail]);
        const separate = parse([...letters.map((l) => `-${l}`), ...tail]);
        for (const long of ['detach', 'interactive', 'tty']) expect(grouped.bool(long)).toBe(separate.bool(long));
        expect(grouped.args).toEqual(separate.args);
        expect(grouped.list('publish')).toEqual(separate.list('publish'));
      }),
    );
  });

  it('property: arbitrary argv either parses or throws FlagParseError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('-', '--', '-it', '-p', '--name', '--rm=', '-e=')), { maxLength: 8 }), fc.boolean(), (argv, inter) => {
        try {
          parse(argv, inter);
        } catch (error) {
          expect(error).toBeInstanceOf(FlagParseError);
        }
      }),
    );
  });
});

describe('int flags parse like strconv.ParseInt(s, 0, 64) (QA)', () => {
  it('accepts Go integer syntax and rejects out-of-range values', () => {
    expect(parseGoInt('10')).toBe(10n);
    expect(parseGoInt('-3')).toBe(-3n);
    expect(parseGoInt('0x1F')).toBe(31n);
    expect(parseGoInt('0o17')).toBe(15n);
    expect(parseGoInt('017')).toBe(15n);
    expect(parseGoInt('0b101')).toBe(5n);
    expect(parseGoInt('1_000')).toBe(1000n);
    expect(parseGoInt('0x_1F')).toBe(31n);
    expect(parseGoInt('9223372036854775807')).toBe(9223372036854775807n);
    expect(parseGoInt('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseGoInt('9223372036854775808')).toBe('range');
    expect(parseGoInt('99999999999999999999')).toBe('range');
    for (const bad of ['', '_1', '1_', '1__0', '0x', '08', 'ten', '1.5', '+']) expect(parseGoInt(bad)).toBe('syntax');
    expect(parse(['--stop-timeout', '0x10', 'img']).int('stop-timeout')).toBe(16);
    expect(() => parse(['--stop-timeout', '99999999999999999999', 'img'])).toThrow(
      new FlagParseError('invalid argument "99999999999999999999" for "--stop-timeout" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'),
    );
  });
});
