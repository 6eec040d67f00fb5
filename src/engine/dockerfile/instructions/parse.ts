import { trimSpace } from '../parser/chars.js';
import { goQuote } from '../parser/goQuote.js';
import type { Heredoc, Node } from '../parser/types.js';
import { BFlags } from './bflag.js';
import { parseSourcesAndDest, shellDependentCommand, handleJSONArgs } from './commandLine.js';
import { MINIMUM_DURATION, parseGoDuration } from './durations.js';
import { parseRunFlags } from './runFlags.js';
import { withSuggestion } from './suggest.js';
import type { ArgInstruction, Instruction, KeyValuePair, Stage } from './types.js';

/** The instruction keywords BuildKit knows (command.Commands), uppercase. */
export const INSTRUCTION_NAMES = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

export interface ParseRequest {
  command: string;
  args: string[];
  heredocs: Heredoc[];
  json: boolean;
  flags: BFlags;
  rawFlags: string[];
  original: string;
  startLine: number;
  endLine: number;
  comments: string[];
}

/** The flat argument list BuildKit hands to instruction parsers; ONBUILD's nested keyword comes first. */
export function nodeArgs(node: Node): string[] {
  const result: string[] = [];
  for (let n = node; n.next; n = n.next) {
    const arg = n.next;
    if (arg.children.length === 0) result.push(arg.value);
    else if (arg.children.length === 1) result.push(arg.children[0].value, ...nodeArgs(arg.children[0]));
  }
  return result;
}

function requestFromNode(node: Node): ParseRequest {
  return {
    command: node.value,
    args: nodeArgs(node),
    heredocs: node.heredocs,
    json: node.attributes.json === true,
    flags: new BFlags(node.flags),
    rawFlags: node.flags,
    original: node.original,
    startLine: node.startLine,
    endLine: node.endLine,
    comments: node.prevComment,
  };
}

const atLeastOne = (c: string) => new Error(`${c} requires at least one argument`);
const exactlyOne = (c: string) => new Error(`${c} requires exactly one argument`);
const noDestination = (c: string) =>
  new Error(`${c} requires at least two arguments, but only one was provided. Destination could not be determined`);

function base(req: ParseRequest) {
  return {
    keyword: req.command,
    original: trimSpace(req.original),
    flags: req.rawFlags,
    startLine: req.startLine,
    endLine: req.endLine,
  };
}

function parseKvps(args: string[], cmd: string): { pairs: KeyValuePair[]; legacy: boolean } {
  if (args.length === 0) throw atLeastOne(cmd);
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  const pairs: KeyValuePair[] = [];
  let legacy = false;
  for (let j = 0; j < args.length; j += 3) {
    if (args[j].length === 0) throw new Error(`${cmd} names can not be blank`);
    pairs.push({ key: args[j], value: args[j + 1] });
    if (args[j + 2] === '') legacy = true;
  }
  return { pairs, legacy };
}

export function getComment(comments: string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  return '';
}

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

function parseFrom(req: ParseRequest): Stage {
  const args = req.args;
  let name = '';
  if (args.length === 3 && args[1].toLowerCase() === 'as') {
    name = args[2].toLowerCase();
    if (!VALID_STAGE_NAME.test(name)) {
      throw new Error(`invalid name for build stage: ${goQuote(args[2])}, name can't start with a number or contain symbols`);
    }
  } else if (args.length !== 1) {
    throw new Error('FROM requires either one or three arguments');
  }
  const platform = req.flags.addString('platform');
  req.flags.parse();
  return {
    kind: 'FROM',
    ...base(req),
    baseName: args[0],
    name,
    originalName: args.length === 3 ? args[2] : '',
    asKeyword: args.length === 3 ? args[1] : '',
    platform: platform.value,
    comment: getComment(req.comments, name),
    commands: [],
  };
}

function parseHealthcheck(req: ParseRequest): Instruction {
  if (req.args.length === 0) throw atLeastOne('HEALTHCHECK');
  let typ = req.args[0].toUpperCase();
  const args = req.args.slice(1);
  const health = { test: [] as string[], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (typ === 'NONE') {
    if (args.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    health.test = [typ];
    return { kind: 'HEALTHCHECK', ...base(req), health };
  }
  const fl = {
    interval: req.flags.addString('interval'),
    timeout: req.flags.addString('timeout'),
    startPeriod: req.flags.addString('start-period'),
    startInterval: req.flags.addString('start-interval'),
    retries: req.flags.addString('retries'),
  };
  req.flags.parse();
  if (typ !== 'CMD') throw new Error(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = handleJSONArgs(args, req.json);
  if (cmd.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  if (!req.json) typ = 'CMD-SHELL';
  health.test = [typ, ...cmd];
  for (const key of ['interval', 'timeout', 'startPeriod', 'startInterval'] as const) {
    const flag = fl[key];
    if (flag.value === '') continue;
    const d = parseGoDuration(flag.value);
    if (d !== 0 && d < MINIMUM_DURATION) throw new Error(`Interval ${goQuote(flag.name)} cannot be less than 1ms`);
    health[key] = d;
  }
  if (fl.retries.value !== '') {
    if (!/^[+-]?\d+$/.test(fl.retries.value)) {
      throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(fl.retries.value)}: invalid syntax`);
    }
    const retries = Number.parseInt(fl.retries.value, 10);
    if (retries < 0) throw new Error(`--retries cannot be negative (${retries})`);
    health.retries = retries;
  }
  return { kind: 'HEALTHCHECK', ...base(req), health };
}

function parseArg(req: ParseRequest): ArgInstruction {
  if (req.args.length < 1) throw atLeastOne('ARG');
  const args = req.args.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq < 0) return { key: arg, comment: getComment(req.comments, arg) };
    const key = arg.slice(0, eq);
    if (key === '') throw new Error('ARG names can not be blank');
    return { key, value: arg.slice(eq + 1), comment: getComment(req.comments, key) };
  });
  req.flags.parse();
  return { kind: 'ARG', ...base(req), args };
}

function parseCopyLike(req: ParseRequest, kind: 'COPY' | 'ADD'): Instruction {
  if (req.args.length < 2) throw noDestination(kind);
  const f = req.flags;
  const chown = f.addString('chown');
  const chmod = f.addString('chmod');
  const link = f.addBool('link');
  const exclude = f.addStrings('exclude');
  if (kind === 'COPY') {
    const from = f.addString('from');
    const parents = f.addBool('parents');
    f.parse();
    const sd = parseSourcesAndDest(req.args, req.heredocs, kind);
    return {
      kind, ...base(req), ...sd, from: from.value, chown: chown.value, chmod: chmod.value,
      link: link.value === 'true', parents: parents.value === 'true', exclude: exclude.values, json: req.json,
    };
  }
  const keepGitDir = f.addBool('keep-git-dir');
  const checksum = f.addString('checksum');
  const unpack = f.addBool('unpack');
  f.parse();
  const sd = parseSourcesAndDest(req.args, req.heredocs, kind);
  return {
    kind, ...base(req), ...sd, chown: chown.value, chmod: chmod.value, link: link.value === 'true',
    keepGitDir: keepGitDir.value === 'true', checksum: checksum.value, parents: false, exclude: exclude.values,
    unpack: f.isUsed('unpack') ? unpack.value === 'true' : undefined, json: req.json,
  };
}

function exactlyOneArg(req: ParseRequest, cmd: string, parseFlags = true): string {
  if (req.args.length !== 1) throw exactlyOne(cmd);
  if (parseFlags) req.flags.parse();
  return req.args[0];
}

function parseOnbuild(req: ParseRequest): Instruction {
  if (req.args.length === 0) throw atLeastOne('ONBUILD');
  req.flags.parse();
  const trigger = trimSpace(req.args[0]).toUpperCase();
  if (trigger === 'ONBUILD') throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
  let expression = req.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
  for (const h of req.heredocs) expression += '\n' + h.content + h.name;
  return { kind: 'ONBUILD', ...base(req), expression };
}

/** Converts one instruction node into a typed instruction; throws Error with BuildKit's inner message. */
export function parseInstruction(node: Node): Instruction | Stage {
  const req = requestFromNode(node);
  switch (node.value.toLowerCase()) {
    case 'env':
    case 'label': {
      const cmd = node.value.toUpperCase() as 'ENV' | 'LABEL';
      req.flags.parse();
      const { pairs, legacy } = parseKvps(req.args, cmd);
      return cmd === 'ENV'
        ? { kind: 'ENV', ...base(req), env: pairs, legacy }
        : { kind: 'LABEL', ...base(req), labels: pairs, legacy };
    }
    case 'maintainer':
      return { kind: 'MAINTAINER', ...base(req), maintainer: exactlyOneArg(req, 'MAINTAINER') };
    case 'add':
      return parseCopyLike(req, 'ADD');
    case 'copy':
      return parseCopyLike(req, 'COPY');
    case 'from':
      return parseFrom(req);
    case 'onbuild':
      return parseOnbuild(req);
    case 'workdir':
      return { kind: 'WORKDIR', ...base(req), path: exactlyOneArg(req, 'WORKDIR') };
    case 'run': {
      const run = parseRunFlags(req.flags);
      req.flags.parse();
      return {
        kind: 'RUN', ...base(req), ...shellDependentCommand(req.args, req.json, req.heredocs),
        ...run.finish(), flagsUsed: req.flags.usedNames(),
      };
    }
    case 'cmd':
      req.flags.parse();
      return { kind: 'CMD', ...base(req), ...shellDependentCommand(req.args, req.json, req.heredocs) };
    case 'entrypoint':
      req.flags.parse();
      return { kind: 'ENTRYPOINT', ...base(req), ...shellDependentCommand(req.args, req.json, req.heredocs) };
    case 'healthcheck':
      return parseHealthcheck(req);
    case 'expose':
      if (req.args.length === 0) throw atLeastOne('EXPOSE');
      req.flags.parse();
      return { kind: 'EXPOSE', ...base(req), ports: [...req.args].sort() };
    case 'user':
      return { kind: 'USER', ...base(req), user: exactlyOneArg(req, 'USER') };
    case 'volume': {
      if (req.args.length === 0) throw atLeastOne('VOLUME');
      req.flags.parse();
      const volumes = req.args.map((v) => {
        const t = trimSpace(v);
        if (t === '') throw new Error('VOLUME specified can not be an empty string');
        return t;
      });
      return { kind: 'VOLUME', ...base(req), volumes };
    }
    case 'stopsignal':
      // BuildKit never validates STOPSIGNAL's flags.
      return { kind: 'STOPSIGNAL', ...base(req), signal: exactlyOneArg(req, 'STOPSIGNAL', false) };
    case 'arg':
      return parseArg(req);
    case 'shell': {
      req.flags.parse();
      const shell = handleJSONArgs(req.args, req.json);
      if (shell.length === 0) throw atLeastOne('SHELL');
      if (!req.json) throw new Error('SHELL requires the arguments to be in JSON form');
      return { kind: 'SHELL', ...base(req), shell };
    }
  }
  throw new Error(withSuggestion(`unknown instruction: ${node.value}`, node.value, INSTRUCTION_NAMES, false));
}
