/**
 * Pause points for student JavaScript. QuickJS runs a script to completion,
 * so a `while (true) {}` would hold the engine's thread: `docker ps`, the
 * other containers and the UI would freeze. JavaScript can only give the
 * thread back at an `await`, so every loop whose body may await (at the top
 * level of an ES module or of the main script, or inside an `async`
 * function) starts its body with
 *
 *     if (__slipway_tick()) await __slipway_pause();
 *
 * The tick is a countdown in the sandbox; about every 20 ms it says the slice
 * is over, and the pause is a promise the host settles after one engine turn
 * (slicer.ts). Loops in plain functions cannot await: they run on and, if they
 * never end, the interrupt handler's budget stops the process (NodeProcess).
 *
 * One kind of plain function is made async: a function written inline as the
 * callback of a timer (`setTimeout`, `setInterval`, `setImmediate`) or of a
 * server (`createServer`, `listen`), when its own body holds a loop. Node
 * ignores what those callbacks return and treats their throws as uncaught,
 * so `__slipway_async(async () => {...})` (which runs the async function and
 * reports a rejection as an uncaught error) behaves the same, except that its
 * loops can pause.
 *
 * The code is parsed with acorn, so loops inside strings, comments, regular
 * expressions and templates are not mistaken for real ones. Text is only
 * inserted, never moved, and holds no newline: line numbers in stack traces
 * stay the student's. Columns after an insertion on the same line move (a
 * one-line loop); a block body's `{` is usually last on its line, so most
 * code keeps its columns too. Code acorn cannot parse is returned unchanged,
 * and QuickJS reports the syntax error as before.
 */
import { parse } from 'acorn';
import type { Node } from 'acorn';

export const PAUSE = 'if (__slipway_tick()) await __slipway_pause();';

const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** Places whose code runs in a function of its own that can never be async. */
const SYNC_SCOPES = new Set(['StaticBlock', 'PropertyDefinition']);
/** Calls whose inline callback's result Node ignores and whose throw is an uncaught exception. */
const CALLBACK_SITES = new Set(['setTimeout', 'setInterval', 'setImmediate', 'createServer', 'listen']);
export const ASYNC_WRAP = '__slipway_async(async ';

export interface Instrumented {
  readonly code: string;
  /** Pause points were put at the top level (the caller must make that level async). */
  readonly topLevel: boolean;
}

export interface InstrumentOptions {
  readonly sourceType?: 'script' | 'module';
  /** Loops at the top level may pause (a module, or code the caller will run as an async function). */
  readonly topLevel?: boolean;
  /** The code is one function expression (the CommonJS wrapper) whose body counts as the top level. */
  readonly wrapped?: boolean;
}

interface Insertion {
  readonly at: number;
  readonly text: string;
}

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/** A loop in this subtree outside any nested function. */
function hasOwnLoop(node: Node): boolean {
  if (LOOPS.has(node.type)) return true;
  for (const value of Object.values(node) as unknown[]) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) if (isNode(item) && !FUNCTIONS.has(item.type) && hasOwnLoop(item)) return true;
  }
  return false;
}

function callbackSite(call: Node): boolean {
  const callee = (call as Node & { callee: Node & { name?: string; computed?: boolean; property?: Node & { name?: string } } }).callee;
  if (callee.type === 'Identifier') return CALLBACK_SITES.has(callee.name ?? '');
  return callee.type === 'MemberExpression' && !callee.computed && CALLBACK_SITES.has(callee.property?.name ?? '');
}

/** An inline plain callback (not async, not a generator) whose block body holds a loop of its own. */
function convertible(fn: Node): boolean {
  const f = fn as Node & { async?: boolean; generator?: boolean; body: Node };
  return (fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') && !f.async && !f.generator && f.body.type === 'BlockStatement' && hasOwnLoop(f.body);
}

class Walker {
  readonly insertions: Insertion[] = [];
  topLevel = false;
  private wrapper: Node | null = null;
  private readonly converted = new Set<Node>();

  constructor(private readonly options: InstrumentOptions) {}

  start(program: Node): void {
    if (this.options.wrapped) {
      const body = (program as Node & { body: Node[] }).body;
      const first = body[0] as (Node & { expression?: Node }) | undefined;
      if (first?.type === 'ExpressionStatement' && first.expression?.type === 'FunctionExpression') this.wrapper = first.expression;
    }
    this.visit(program, this.options.topLevel === true && !this.options.wrapped ? 'top' : 'sync');
  }

  private visit(node: Node, scope: 'top' | 'async' | 'sync'): void {
    let inner = scope;
    if (node === this.wrapper) inner = this.options.topLevel ? 'top' : 'sync';
    else if (FUNCTIONS.has(node.type)) inner = (node as Node & { async?: boolean }).async || this.converted.has(node) ? 'async' : 'sync';
    else if (SYNC_SCOPES.has(node.type)) inner = 'sync';
    if (LOOPS.has(node.type) && scope !== 'sync') this.pausePoint((node as Node & { body: Node }).body, scope);
    if (node.type === 'CallExpression' && callbackSite(node)) {
      for (const arg of (node as Node & { arguments: Node[] }).arguments) {
        if (!convertible(arg)) continue;
        this.converted.add(arg);
        this.insertions.push({ at: arg.start, text: ASYNC_WRAP }, { at: arg.end, text: ')' });
      }
    }
    for (const value of Object.values(node) as unknown[]) {
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.visit(item, inner);
      } else if (isNode(value)) this.visit(value, inner);
    }
  }

  private pausePoint(body: Node, scope: 'top' | 'async'): void {
    if (scope === 'top') this.topLevel = true;
    if (body.type === 'BlockStatement') this.insertions.push({ at: body.start + 1, text: PAUSE });
    else {
      this.insertions.push({ at: body.start, text: `{${PAUSE}` });
      this.insertions.push({ at: body.end, text: '}' });
    }
  }
}

/** `code` with a pause point at the start of every loop body that may await. */
export function instrumentLoops(code: string, options: InstrumentOptions = {}): Instrumented {
  const sourceType = options.sourceType ?? 'script';
  let program: Node;
  try {
    program = parse(code, {
      ecmaVersion: 'latest',
      sourceType,
      allowHashBang: true,
      allowReturnOutsideFunction: sourceType === 'script',
      allowAwaitOutsideFunction: options.topLevel === true,
    });
  } catch {
    return { code, topLevel: false };
  }
  const walker = new Walker(options);
  walker.start(program);
  if (walker.insertions.length === 0) return { code, topLevel: false };
  // Stable sort: at one position (a body ending where another ends) the outer loop's text came first.
  const insertions = [...walker.insertions].sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const { at, text } of insertions) {
    out += code.slice(from, at) + text;
    from = at;
  }
  return { code: out + code.slice(from), topLevel: walker.topLevel };
}
