/**
 * Redirections: turns `>`, `>>`, `<`, `2>&1`, `&>`, here-documents and
 * here-strings into the stdin/stdout/stderr a command runs with. File output
 * is buffered and written when the command ends (or the buffer grows large),
 * which keeps `seq 1 100000 > f` linear.
 */
import type { InputStream, OutputStream } from '../os/process.js';
import { resolvePath } from '../os/path.js';
import { inputFrom, nullOutput, emptyInput } from '../os/streams.js';
import { FsError } from '../os/vfs.js';
import type { Vfs } from '../os/vfs.js';
import type { Redirect } from './ast.js';
import { BufferedInput } from './input.js';

const FLUSH_AT = 64 * 1024;

export class FileOutput implements OutputStream {
  private buffer = '';

  constructor(
    private readonly fs: Vfs,
    private readonly path: string,
  ) {}

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    try {
      this.fs.writeFile(this.path, text, { append: true });
    } catch {
      // The file vanished under us (rm while writing): output is lost, as with an unlinked file.
    }
  }
}

export interface Streams {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface RedirectResult {
  readonly streams: Streams;
  /** Flushes file outputs. */
  close(): void;
}

/** Expands targets; reports failures as `bash: target: reason` through `fail`, returning null. */
export async function applyRedirects(
  redirs: readonly Redirect[],
  base: Streams,
  env: {
    readonly fs: Vfs;
    readonly cwd: string;
    expand(r: Redirect): Promise<string>;
    fail(message: string, dashMessage?: string): void;
  },
): Promise<RedirectResult | null> {
  const fds = new Map<number, InputStream | OutputStream>([
    [0, base.stdin],
    [1, base.stdout],
    [2, base.stderr],
  ]);
  const files: FileOutput[] = [];
  const close = (): void => files.forEach((f) => f.flush());

  const openOutput = (target: string, append: boolean): OutputStream => {
    if (target === '/dev/null') return nullOutput;
    if (target === '/dev/stdout') return fds.get(1) as OutputStream;
    if (target === '/dev/stderr') return fds.get(2) as OutputStream;
    const path = resolvePath(env.cwd, target);
    const st = env.fs.stat(path);
    if (st?.kind === 'dir') throw new FsError('EISDIR', target, 'create');
    try {
      if (!append || !st) env.fs.writeFile(path, '');
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, target, 'create');
      throw e;
    }
    const out = new FileOutput(env.fs, path);
    files.push(out);
    return out;
  };

  try {
    for (const r of redirs) {
      const target = await env.expand(r);
      switch (r.op) {
        case '>':
        case '>|':
        case '>>':
          fds.set(r.fd, openOutput(target, r.op === '>>'));
          break;
        case '&>':
        case '&>>': {
          const out = openOutput(target, r.op === '&>>');
          fds.set(1, out);
          fds.set(2, out);
          break;
        }
        case '<':
        case '<>':
          fds.set(r.fd, readInput(env.fs, env.cwd, target));
          break;
        case '<<':
        case '<<-':
        case '<<<':
          fds.set(r.fd, BufferedInput.of(inputFrom(target)));
          break;
        case '>&':
        case '<&': {
          if (target === '-') {
            fds.set(r.fd, r.op === '>&' ? nullOutput : emptyInput);
          } else if (/^[0-9]+$/.test(target)) {
            const src = fds.get(Number(target));
            if (!src) {
              env.fail(`${target}: Bad file descriptor`);
              close();
              return null;
            }
            fds.set(r.fd, src);
          } else if (r.op === '>&') {
            const out = openOutput(target, false);
            fds.set(1, out);
            fds.set(2, out);
          } else {
            env.fail(`${target}: ambiguous redirect`);
            close();
            return null;
          }
          break;
        }
      }
    }
  } catch (e) {
    if (e instanceof FsError) {
      env.fail(`${e.path}: ${e.reason}`, dashWording(e));
      close();
      return null;
    }
    throw e;
  }
  return {
    streams: { stdin: fds.get(0) as InputStream, stdout: fds.get(1) as OutputStream, stderr: fds.get(2) as OutputStream },
    close,
  };
}

/** dash words redirection failures its own way: `cannot create x/y: Directory nonexistent`. */
function dashWording(e: FsError): string {
  if (e.syscall === 'create') {
    const reason = e.code === 'ENOENT' ? 'Directory nonexistent' : e.reason;
    return `cannot create ${e.path}: ${reason}`;
  }
  return `cannot open ${e.path}: ${e.code === 'ENOENT' ? 'No such file' : e.reason}`;
}

function readInput(fs: Vfs, cwd: string, target: string): InputStream {
  if (target === '/dev/null') return emptyInput;
  const path = resolvePath(cwd, target);
  try {
    const text = new TextDecoder().decode(fs.readFile(path));
    return BufferedInput.of(inputFrom(text));
  } catch (e) {
    if (e instanceof FsError) throw new FsError(e.code, target, e.syscall);
    throw e;
  }
}
