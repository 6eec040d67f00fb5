/**
 * The plain data a lesson check reads. It is built from the engine, the
 * workspace and the command log by `src/worker/session/lessonState.ts`, so
 * checks stay pure functions of JSON-serialisable values (and tests can
 * write states by hand).
 */

export interface PortFact {
  /** Host port number; 0 when Docker picks an ephemeral one. */
  readonly host: number;
  readonly container: number;
  /** `tcp` or `udp`. */
  readonly protocol: string;
}

export interface ContainerFact {
  readonly id: string;
  readonly name: string;
  /** The image reference as typed at `docker run`. */
  readonly image: string;
  readonly imageId: string;
  /** Every tag the container's image carries now (familiar form, e.g. `goals:latest`). */
  readonly imageTags: readonly string[];
  /** Docker's state word: created, running, exited, paused, … */
  readonly state: string;
  readonly exitCode: number;
  /** Published ports from the container's config, so an exited container still shows them. */
  readonly ports: readonly PortFact[];
  /** A client is attached to its output right now. */
  readonly attached: boolean;
  /** Started with `--rm`. */
  readonly autoRemove: boolean;
  /** Started with `-t`. */
  readonly tty: boolean;
  /** Started with `-i`. */
  readonly openStdin: boolean;
}

export interface ImageFact {
  readonly id: string;
  /** Familiar `name:tag` strings; empty for a dangling image. */
  readonly repoTags: readonly string[];
}

export interface BuildStepFact {
  /** 1-based within its stage, as in `[2/5]`. */
  readonly index: number;
  readonly total: number;
  readonly stage: string;
  /** As BuildKit shows it, e.g. `RUN npm install`. */
  readonly instruction: string;
  readonly cached: boolean;
}

export interface BuildFact {
  readonly succeeded: boolean;
  /** The image it produced, `sha256:<hex>`, when it succeeded. */
  readonly imageId?: string;
  readonly canceled: boolean;
  readonly tags: readonly string[];
  readonly steps: readonly BuildStepFact[];
}

export interface DockerfileInstruction {
  /** Upper-case keyword: FROM, RUN, COPY, … */
  readonly keyword: string;
  /** Everything after the keyword on the logical line, flags included. */
  readonly args: string;
  readonly line: number;
}

export interface DockerfileFact {
  readonly instructions: readonly DockerfileInstruction[];
  /** The parser's message when the Dockerfile does not parse. */
  readonly error?: string;
}

export interface CommandFact {
  /** The command line as the student typed it. */
  readonly line: string;
  readonly exitCode: number;
}

export interface LessonState {
  readonly containers: readonly ContainerFact[];
  /** What `docker images -a` would list. */
  readonly images: readonly ImageFact[];
  readonly lastBuild?: BuildFact;
  readonly registry: {
    /** The user `docker login` stored, if any. */
    readonly user?: string;
    /** Pushed repositories on the simulated hub: `student/goals` → its tags. */
    readonly repos: Readonly<Record<string, readonly string[]>>;
  };
  /** Workspace files by path relative to the workspace root (`Dockerfile`, `public/index.html`). */
  readonly files: Readonly<Record<string, string>>;
  /** The workspace's `Dockerfile`, parsed; absent when there is none. */
  readonly dockerfile?: DockerfileFact;
  /** Commands typed at the shell prompt, oldest first. */
  readonly commands: readonly CommandFact[];
}

export const EMPTY_STATE: LessonState = { containers: [], images: [], registry: { repos: {} }, files: {}, commands: [] };
