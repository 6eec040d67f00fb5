import { describe, expect, it } from 'vitest';
import { harness } from './testing/harness.js';

describe('brace expansion', () => {
  it('expands lists and sequences in bash, not in sh', async () => {
    const h = harness();
    expect((await h.run('echo app/{src,test}/x {1..3} {a..c} {05..07} {3..1} "{a,b}" {x} a{b,c{d,e}}')).out).toBe(
      'app/src/x app/test/x 1 2 3 a b c 05 06 07 3 2 1 {a,b} {x} ab acd ace\n',
    );
    await h.run('mkdir -p proj/{src,test}');
    expect(h.fs.readdir('/home/user/proj')).toEqual(['src', 'test']);
    expect((await harness({ flavor: 'sh' }).run('echo {a,b}')).out).toBe('{a,b}\n');
  });
});

describe('glob and arithmetic details', () => {
  it('bracket classes, negation and escaped metacharacters', async () => {
    const h = harness();
    for (const f of ['a1', 'b2', 'c3', 'x*y']) h.fs.writeFile(`/home/user/${f}`, '');
    expect((await h.run('echo [!a]? [[:alpha:]][0-2] x\\*y "x*"y')).out).toBe('b2 c3 a1 b2 x*y x*y\n');
    expect((await h.run('case "a.b" in *.*) echo dot;; esac; case x in [!x]) echo no;; *) echo yes;; esac')).out).toBe('dot\nyes\n');
  });
  it('integer arithmetic with precedence, comparisons and variables', async () => {
    const h = harness();
    expect((await h.run('a=7; b=2; echo $((a / b)) $((a % b)) $((-a + 3 * b)) $((a > b && b > 0)) $((a == 7 ? 1 : 0)) $((1 << 4)) $((0x10 + 010))')).out).toBe('3 1 -1 1 1 16 24\n');
  });
});
