/** The `slipway` command line (PRODUCT.md §6). */

export type Invocation =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'session'; readonly workspace?: string }
  | { readonly kind: 'parse'; readonly file: string }
  | { readonly kind: 'lessons-check'; readonly dir?: string }
  | { readonly kind: 'error'; readonly message: string };

export const USAGE = `Usage:  slipway [--workspace DIR]
        slipway parse FILE
        slipway lessons check [DIR]

A Docker learning playground: a simulated Docker 29 engine, the docker CLI
and a small bash, running in your terminal.

On a terminal, slipway starts an interactive shell. With stdin not a
terminal, each line of stdin is typed into the shell, the next one once the
prompt is back or the running program waits for input, and the output is
printed as a plain transcript. The lines ^C, ^D and ^P^Q are the keys
Ctrl-C, Ctrl-D and the detach sequence Ctrl-P Ctrl-Q.

Commands:
  parse FILE             Print the Dockerfile's parse tree in BuildKit's dump format
  lessons check [DIR]    Validate the lessons in DIR (default: lessons)

Options:
      --workspace DIR    Start in a directory holding DIR's files (copied into
                         memory; DIR itself is never written)
  -h, --help             Print this help
  -v, --version          Print the version

Environment:
  SLIPWAY_CLOCK=virtual  Use a virtual clock: waits complete at once, IDs are
                         reproducible (for tests and scripted runs)
`;

export function parseArgs(argv: readonly string[]): Invocation {
  let workspace: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (arg === '--workspace' || arg.startsWith('--workspace=')) {
      const value = arg === '--workspace' ? argv[++i] : arg.slice('--workspace='.length);
      if (value === undefined || value === '') return { kind: 'error', message: 'flag needs an argument: --workspace' };
      workspace = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { kind: 'error', message: `unknown flag: ${arg}` };
    rest.push(arg);
  }
  if (rest.length === 0) return { kind: 'session', workspace };
  if (rest[0] === 'parse') {
    if (rest.length !== 2) return { kind: 'error', message: '"slipway parse" requires exactly 1 argument: the Dockerfile' };
    return { kind: 'parse', file: rest[1] };
  }
  if (rest[0] === 'lessons' && rest[1] === 'check' && rest.length <= 3) return { kind: 'lessons-check', dir: rest[2] };
  return { kind: 'error', message: `unknown command: ${rest.join(' ')}` };
}
