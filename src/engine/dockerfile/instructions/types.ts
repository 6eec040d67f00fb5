import type { Heredoc } from '../parser/types.js';

/** Where an instruction sits in the Dockerfile (1-based, inclusive). */
export interface InstructionLocation {
  startLine: number;
  endLine: number;
}

interface Base extends InstructionLocation {
  /** The keyword as written (`from`, `Run`, ...). */
  keyword: string;
  /** The joined logical line (BuildKit's `Original`/`String()`), e.g. `RUN echo hi`. */
  original: string;
  /** Raw `--flags` from the parser (already validated for this instruction). */
  flags: string[];
}

export interface KeyValuePair {
  key: string;
  /** Raw (unexpanded, quotes kept): expand with `expandWord` at build time. */
  value: string;
}

export interface ArgPair {
  key: string;
  /** undefined for `ARG NAME` without a default. Raw, unexpanded. */
  value?: string;
  /** From a `# NAME description` comment above the ARG. */
  comment: string;
}

/** A heredoc used as a file (COPY/ADD source) or as an inline script (RUN). */
export interface InlineFile {
  /** For COPY/ADD: the heredoc name becomes the destination file name. */
  name: string;
  /** Body with `<<-` tab stripping already applied for COPY/ADD sources. */
  data: string;
  /** RUN only: strip leading tabs when materialising. */
  chomp: boolean;
  /** False when the delimiter was quoted: no variable expansion of the body. */
  expand: boolean;
}

/** RUN / CMD / ENTRYPOINT command line. */
export interface CommandLine {
  /** Exec form: the argv. Shell form: one element, the whole command text. */
  cmdLine: string[];
  /** True for shell form: the stage's SHELL (default `/bin/sh -c`) is prepended. */
  prependShell: boolean;
  /** RUN heredocs, in order. */
  files: InlineFile[];
}

export interface EnvInstruction extends Base {
  kind: 'ENV';
  env: KeyValuePair[];
  /** True for the legacy `ENV key value` form. */
  legacy: boolean;
}
export interface LabelInstruction extends Base {
  kind: 'LABEL';
  labels: KeyValuePair[];
  legacy: boolean;
}
export interface MaintainerInstruction extends Base {
  kind: 'MAINTAINER';
  maintainer: string;
}
export interface ArgInstruction extends Base {
  kind: 'ARG';
  args: ArgPair[];
}
export interface WorkdirInstruction extends Base {
  kind: 'WORKDIR';
  path: string;
}
export interface UserInstruction extends Base {
  kind: 'USER';
  user: string;
}
export interface StopSignalInstruction extends Base {
  kind: 'STOPSIGNAL';
  signal: string;
}
export interface ExposeInstruction extends Base {
  kind: 'EXPOSE';
  /** Raw, sorted as BuildKit sorts them; expand then parse at build time. */
  ports: string[];
}
export interface VolumeInstruction extends Base {
  kind: 'VOLUME';
  volumes: string[];
}
export interface ShellInstruction extends Base {
  kind: 'SHELL';
  shell: string[];
}
export interface OnbuildInstruction extends Base {
  kind: 'ONBUILD';
  /** The trigger text without `ONBUILD`, heredoc bodies appended as BuildKit stores them. */
  expression: string;
}

export interface CopyInstruction extends Base {
  kind: 'COPY';
  /** Raw source paths (heredoc sources are in `sourceContents`). */
  sourcePaths: string[];
  sourceContents: InlineFile[];
  dest: string;
  from: string;
  chown: string;
  chmod: string;
  link: boolean;
  parents: boolean;
  exclude: string[];
  /** True when written as a JSON array. */
  json: boolean;
}
export interface AddInstruction extends Base {
  kind: 'ADD';
  sourcePaths: string[];
  sourceContents: InlineFile[];
  dest: string;
  chown: string;
  chmod: string;
  link: boolean;
  keepGitDir: boolean;
  checksum: string;
  parents: boolean;
  exclude: string[];
  /** `--unpack`: undefined when not given. */
  unpack?: boolean;
  json: boolean;
}

/** A parsed `RUN --mount` (BuildKit instructions.Mount). */
export interface RunMount {
  type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
  from: string;
  source: string;
  target: string;
  readOnly: boolean;
  /** `id=` (cache id, secret/ssh id). */
  id: string;
  sharing: '' | 'shared' | 'private' | 'locked';
  required: boolean;
  mode?: number;
  uid?: number;
  gid?: number;
  /** tmpfs `size=`, bytes. */
  sizeLimit?: number;
}
export interface RunInstruction extends Base, CommandLine {
  kind: 'RUN';
  /** Raw `--mount` values; resolve them at dispatch with `resolveRunMounts(run, expand)`. */
  mountSpecs: string[];
  /** `default` | `none` | `host`; undefined when not given. */
  network?: string;
  /** `sandbox` | `insecure`; undefined when not given. */
  security?: string;
  /** Flag names used (e.g. ['mount']). */
  flagsUsed: string[];
}
export interface CmdInstruction extends Base, CommandLine {
  kind: 'CMD';
}
export interface EntrypointInstruction extends Base, CommandLine {
  kind: 'ENTRYPOINT';
}

export interface HealthConfig {
  /** `['NONE']`, `['CMD', ...argv]` or `['CMD-SHELL', cmd]` as in the image config. */
  test: string[];
  /** Nanoseconds; 0 means "inherit default". */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}
export interface HealthcheckInstruction extends Base {
  kind: 'HEALTHCHECK';
  health: HealthConfig;
}

export type Instruction =
  | EnvInstruction
  | LabelInstruction
  | MaintainerInstruction
  | ArgInstruction
  | WorkdirInstruction
  | UserInstruction
  | StopSignalInstruction
  | ExposeInstruction
  | VolumeInstruction
  | ShellInstruction
  | OnbuildInstruction
  | CopyInstruction
  | AddInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | HealthcheckInstruction;

/** A FROM and the instructions up to the next FROM. */
export interface Stage extends InstructionLocation {
  kind: 'FROM';
  keyword: string;
  original: string;
  flags: string[];
  /** Raw base image (may contain `$VAR`; expand with the meta ARGs). */
  baseName: string;
  /** Lowercased `AS` name, '' when unnamed. */
  name: string;
  /** The `AS` name as written ('' when none). */
  originalName: string;
  /** The `AS` keyword as written ('' when none), for the FromAsCasing check. */
  asKeyword: string;
  /** `--platform` value, raw. */
  platform: string;
  /** From a `# name description` comment above the FROM. */
  comment: string;
  commands: Instruction[];
}

export interface ParsedInstructions {
  /** ARGs before the first FROM. */
  metaArgs: ArgInstruction[];
  stages: Stage[];
}

export type { Heredoc };
