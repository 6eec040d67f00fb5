/**
 * `$((…))` arithmetic: integers, the C operators bash supports most often,
 * and variable names read as numbers (unset or non-numeric reads as 0).
 */

export class ArithError extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['++', '--', '+=', '-=', '*=', '/=', '%=', '**', '<=', '>=', '==', '!=', '&&', '||', '<<', '>>', '+', '-', '*', '/', '%', '<', '>', '!', '~', '(', ')', '&', '|', '^', '?', ':', '='];
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=']);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      const text = num[1];
      out.push({ t: 'num', v: text.startsWith('0') && text.length > 1 && !/^0[xX]/.test(text) ? parseInt(text, 8) : Number(text) });
      i += text.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

const BINARY: readonly (readonly string[])[] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

/** Evaluates an arithmetic expression; `lookup` gives a variable's text, `assign` stores `x=…`, `x++`. */
export function evaluateArith(src: string, lookup: (name: string) => string | undefined, assign: (name: string, value: number) => void = () => undefined): number {
  const toks = tokenize(src);
  if (toks.length === 0) return 0;
  let pos = 0;
  const peekOp = (): string | undefined => (toks[pos]?.t === 'op' ? (toks[pos].v as string) : undefined);

  const varValue = (name: string, depth = 0): number => {
    const text = (lookup(name) ?? '').trim();
    if (text === '') return 0;
    if (/^-?[0-9]+$/.test(text)) return Number(text);
    if (depth < 10 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return varValue(text, depth + 1);
    return evaluateArith(text, lookup, assign);
  };

  const primary = (): number => {
    const tok = toks[pos++];
    if (!tok) throw new ArithError('syntax error: operand expected (error token is "")');
    if (tok.t === 'num') return tok.v;
    if (tok.t === 'id') {
      const op = peekOp();
      if (op === '++' || op === '--') {
        pos++;
        const old = varValue(tok.v);
        assign(tok.v, op === '++' ? old + 1 : old - 1);
        return old;
      }
      return varValue(tok.v);
    }
    switch (tok.v) {
      case '++':
      case '--': {
        const target = toks[pos++];
        if (target?.t !== 'id') throw new ArithError(`syntax error: operand expected (error token is "${tok.v}")`);
        const value = varValue(target.v) + (tok.v === '++' ? 1 : -1);
        assign(target.v, value);
        return value;
      }
      case '(': {
        const v = assignment();
        if (peekOp() !== ')') throw new ArithError('syntax error: missing `)\'');
        pos++;
        return v;
      }
      case '-':
        return -primary();
      case '+':
        return primary();
      case '!':
        return primary() === 0 ? 1 : 0;
      case '~':
        return ~primary();
      default:
        throw new ArithError(`syntax error: operand expected (error token is "${tok.v}")`);
    }
  };

  const power = (): number => {
    const base = primary();
    if (peekOp() === '**') {
      pos++;
      return base ** power();
    }
    return base;
  };

  const binary = (level: number): number => {
    if (level >= BINARY.length) return power();
    let left = binary(level + 1);
    for (let op = peekOp(); op !== undefined && BINARY[level].includes(op); op = peekOp()) {
      pos++;
      const right = binary(level + 1);
      left = apply(op, left, right);
    }
    return left;
  };

  const ternary = (): number => {
    const cond = binary(0);
    if (peekOp() !== '?') return cond;
    pos++;
    const a = assignment();
    if (peekOp() !== ':') throw new ArithError("syntax error: `:' expected for conditional expression");
    pos++;
    const b = assignment();
    return cond !== 0 ? a : b;
  };

  const assignment = (): number => {
    const target = toks[pos];
    const op = toks[pos + 1];
    if (target?.t === 'id' && op?.t === 'op' && ASSIGN.has(op.v)) {
      pos += 2;
      const rhs = assignment();
      const value = op.v === '=' ? rhs : apply(op.v.slice(0, -1), varValue(target.v), rhs);
      assign(target.v, value);
      return value;
    }
    return ternary();
  };

  const value = assignment();
  if (pos < toks.length) {
    const rest = toks.slice(pos).map((t) => String(t.v)).join(' ');
    throw new ArithError(`syntax error in expression (error token is "${rest}")`);
  }
  return value;
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ArithError('division by 0');
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    default:
      throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${op}")`);
  }
}
