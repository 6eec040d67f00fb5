/**
 * Executes parsed templates over JSON-like data. Plain objects behave like
 * Go maps (a missing key prints `<no value>`); objects built with
 * `structValue` behave like the CLI's formatter structs (fields may be
 * methods, and a missing one is an execution error, as in Go).
 */
import { TemplateError, type Arg, type ControlNode, type Node, type Pipe } from './parse.js';
import { formatValue, isTruthy, MISSING } from './values.js';
import { STRUCT_TYPE } from './struct.js';

export { STRUCT_TYPE, structValue } from './struct.js';

export type TemplateFunc = (...args: unknown[]) => unknown;

function structType(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? (value as { [STRUCT_TYPE]?: string })[STRUCT_TYPE] : undefined;
}

class Scope {
  constructor(
    readonly vars: Map<string, unknown>,
    readonly dot: unknown,
  ) {}
  with(dot: unknown): Scope {
    return new Scope(new Map(this.vars), dot);
  }
}

export class Executor {
  private out = '';

  constructor(private readonly funcs: Readonly<Record<string, TemplateFunc>>) {}

  run(nodes: readonly Node[], data: unknown): string {
    this.out = '';
    this.list(nodes, new Scope(new Map([['$', data]]), data));
    return this.out;
  }

  private fail(pipe: Pipe, text: string, what: string): never {
    throw new TemplateError(`template: :${pipe.line}:${pipe.col}: executing "" at <${text}>: ${what}`);
  }

  private list(nodes: readonly Node[], scope: Scope): void {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          this.out += node.text;
          break;
        case 'action': {
          const value = this.pipe(node.pipe, scope);
          if (node.pipe.decl.length === 0) this.out += formatValue(value);
          break;
        }
        case 'if': {
          const value = this.pipe(node.pipe, scope);
          this.list(isTruthy(value) ? node.list : node.elseList, scope);
          break;
        }
        case 'with': {
          const value = this.pipe(node.pipe, scope);
          if (isTruthy(value)) this.list(node.list, scope.with(value));
          else this.list(node.elseList, scope);
          break;
        }
        case 'range':
          this.range(node, scope);
          break;
      }
    }
  }

  private range(node: ControlNode, scope: Scope): void {
    const value = this.pipe({ ...node.pipe, decl: [] }, scope);
    let entries: [unknown, unknown][] = [];
    if (Array.isArray(value)) entries = value.map((v, i) => [i, v]);
    else if (value !== null && typeof value === 'object') {
      entries = Object.keys(value)
        .sort()
        .map((k) => [k, (value as Record<string, unknown>)[k]]);
    } else if (typeof value === 'number') entries = Array.from({ length: value }, (_, i) => [i, i]);
    else if (value !== null && value !== undefined && value !== MISSING) this.fail(node.pipe, node.pipe.text, `range can't iterate over ${formatValue(value)}`);
    if (entries.length === 0) {
      this.list(node.elseList, scope);
      return;
    }
    for (const [key, item] of entries) {
      const inner = scope.with(item);
      const decl = node.pipe.decl;
      if (decl.length === 1) inner.vars.set(decl[0], item);
      if (decl.length === 2) {
        inner.vars.set(decl[0], key);
        inner.vars.set(decl[1], item);
      }
      this.list(node.list, inner);
    }
  }

  private pipe(pipe: Pipe, scope: Scope): unknown {
    let value: unknown = undefined;
    let hasPrev = false;
    for (const cmd of pipe.cmds) {
      value = this.command(pipe, cmd.args, scope, hasPrev ? [value] : []);
      hasPrev = true;
    }
    for (const name of pipe.decl) scope.vars.set(name, value);
    return value;
  }

  private command(pipe: Pipe, args: readonly Arg[], scope: Scope, piped: unknown[]): unknown {
    const head = args[0];
    if (head.kind === 'func') {
      const fn = this.funcs[head.name];
      const values = [...args.slice(1).map((a) => this.arg(pipe, a, scope)), ...piped];
      try {
        return fn(...values);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        this.fail(pipe, head.name, `error calling ${head.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (args.length > 1 || piped.length > 0) {
      const method = this.method(pipe, head, scope);
      if (method) {
        const values = [...args.slice(1).map((a) => this.arg(pipe, a, scope)), ...piped];
        return method.call(values);
      }
      const text = head.kind === 'field' || head.kind === 'var' ? head.text : 'value';
      this.fail(pipe, text, `can't give argument to non-function ${text}`);
    }
    return this.arg(pipe, head, scope);
  }

  private arg(pipe: Pipe, arg: Arg, scope: Scope): unknown {
    switch (arg.kind) {
      case 'literal':
        return arg.value;
      case 'func':
        return this.command(pipe, [arg], scope, []);
      case 'field':
        return this.walk(pipe, scope.dot, arg.path, arg.text);
      case 'var': {
        if (!scope.vars.has(arg.name)) throw new TemplateError(`template: :${pipe.line}: undefined variable "${arg.name}"`);
        return this.walk(pipe, scope.vars.get(arg.name), arg.path, arg.text);
      }
      case 'pipe':
        return this.walk(pipe, this.pipe(arg.pipe, scope), arg.path, `.${arg.path.join('.')}`);
    }
  }

  /** `.Label` in `{{.Label "x"}}`: a struct method that takes arguments (Go calls it with them). */
  private method(pipe: Pipe, head: Arg, scope: Scope): { call(values: unknown[]): unknown } | undefined {
    if ((head.kind !== 'field' && head.kind !== 'var') || head.path.length === 0) return undefined;
    const start = head.kind === 'field' ? scope.dot : scope.vars.get(head.name);
    const receiver = this.walk(pipe, start, head.path.slice(0, -1), head.text);
    const name = head.path[head.path.length - 1];
    if (structType(receiver) === undefined || !(name in (receiver as object))) return undefined;
    const fn = (receiver as Record<string, unknown>)[name];
    if (typeof fn !== 'function') return undefined;
    return {
      call: (values) => {
        if (values.length !== fn.length) this.fail(pipe, head.text, `wrong number of args for ${name}: want ${fn.length} got ${values.length}`);
        return (fn as (...a: unknown[]) => unknown).apply(receiver, values);
      },
    };
  }

  private walk(pipe: Pipe, start: unknown, path: readonly string[], text: string): unknown {
    let value = start;
    for (const name of path) {
      if (value === undefined || value === null || value === MISSING) this.fail(pipe, text, `nil pointer evaluating interface {}.${name}`);
      const type = structType(value);
      if (type !== undefined) {
        if (!(name in (value as object))) this.fail(pipe, text, `can't evaluate field ${name} in type ${type}`);
        const field = (value as Record<string, unknown>)[name];
        if (typeof field === 'function' && field.length > 0) this.fail(pipe, text, `wrong number of args for ${name}: want ${field.length} got 0`);
        value = typeof field === 'function' ? (field as () => unknown).call(value) : field;
      } else if (typeof value === 'object' && !Array.isArray(value)) {
        value = Object.prototype.hasOwnProperty.call(value, name) ? (value as Record<string, unknown>)[name] : MISSING;
      } else {
        this.fail(pipe, text, `can't evaluate field ${name} in type ${goTypeName(value)}`);
      }
    }
    return value;
  }
}

function goTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'interface {}';
}
