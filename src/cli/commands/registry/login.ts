import type { CommandSpec } from '../../argv/spec.js';
import { StatusError } from '../../argv/status.js';
import { isEngineError } from '../../../engine/index.js';
import { readLine } from '../shared/prompt.js';

const HUB = 'https://index.docker.io/v1/';

export const loginCommand: CommandSpec = {
  name: 'login',
  use: '[OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  args: { kind: 'max', n: 1 },
  flags: [
    { long: 'password', short: 'p', kind: 'string', usage: 'Password or Personal Access Token (PAT)' },
    { long: 'password-stdin', kind: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
    { long: 'username', short: 'u', kind: 'string', usage: 'Username' },
  ],
  async run({ flags }, ctx) {
    let username = flags.string('username')?.trim() ?? '';
    let password = flags.string('password') ?? '';
    if (flags.changed('password')) ctx.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    if (flags.bool('password-stdin')) {
      if (flags.changed('password')) throw new StatusError('--password and --password-stdin are mutually exclusive', 1);
      if (!username) throw new StatusError('Must provide --username with --password-stdin', 1);
      password = ((await readLine(ctx)) ?? '').replace(/\r$/, '');
    }
    const current = ctx.engine.registry.currentUser();
    if (!username && !password && current) {
      ctx.stdout.write(`Authenticating with existing credentials... [Username: ${current}]\n`);
      printSuccess(ctx);
      return 0;
    }
    if (!username) {
      // Docker ≥27.2 would start the web device-code flow here; the playground keeps the password prompt.
      ctx.stdout.write(
        "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
          'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n',
      );
      ctx.stdout.write(current ? `Username (${current}): ` : 'Username: ');
      username = ((await readLine(ctx)) ?? '').trim();
      if (!username && current) username = current;
      if (!username) throw new StatusError('error: username is required', 1);
    }
    if (!password) {
      ctx.stdout.write('Password: ');
      ctx.terminal?.setEcho(false);
      try {
        password = (await readLine(ctx)) ?? '';
      } finally {
        ctx.terminal?.setEcho(true);
      }
      // The typed newline was not echoed, so the client prints one.
      ctx.stdout.write('\n');
      if (!password) throw new StatusError('error: password is required', 1);
    }
    try {
      ctx.engine.registry.login(username, password);
    } catch (error) {
      if (isEngineError(error)) throw new StatusError(`Error response from daemon: ${error.message}`, 1);
      throw error;
    }
    printSuccess(ctx);
    return 0;
  },
};

function printSuccess(ctx: Parameters<CommandSpec['run']>[1]): void {
  const home = ctx.env.get('HOME') ?? '/root';
  ctx.stderr.write(
    `WARNING! Your credentials are stored unencrypted in '${home}/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`,
  );
  ctx.stdout.write('Login Succeeded\n');
}

export { HUB };
