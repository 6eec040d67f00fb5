import type { CommandSpec } from '../../argv/spec.js';
import { CLIENT } from '../../clientInfo.js';
import { INSPECT_FORMAT_USAGE as FORMAT_USAGE } from '../shared/formatFlag.js';
import { renderTemplateForCommand } from '../shared/template.js';

export const versionCommand: CommandSpec = {
  name: 'version',
  use: '[OPTIONS]',
  short: 'Show the Docker version information',
  args: { kind: 'none' },
  flags: [{ long: 'format', short: 'f', kind: 'string', usage: FORMAT_USAGE }],
  async run({ flags }, ctx) {
    const server = ctx.engine.system.version();
    const data = {
      Client: {
        Version: CLIENT.version,
        ApiVersion: server.apiVersion,
        DefaultAPIVersion: server.apiVersion,
        GitCommit: CLIENT.gitCommit,
        GoVersion: CLIENT.goVersion,
        Os: 'linux',
        Arch: server.arch,
        BuildTime: CLIENT.buildTime,
        Context: 'default',
      },
      Server: {
        Platform: { Name: 'Docker Engine - Community' },
        Version: server.version,
        ApiVersion: server.apiVersion,
        MinAPIVersion: '1.44',
        GitCommit: server.gitCommit,
        GoVersion: server.goVersion,
        Os: server.os,
        Arch: server.arch,
        KernelVersion: '6.8.0-slipway',
        BuildTime: server.buildTime,
      },
    };
    const format = flags.string('format');
    if (format) return renderTemplateForCommand(format, [data], ctx);
    const c = data.Client;
    const s = data.Server;
    ctx.stdout.write(
      [
        'Client: Docker Engine - Community',
        ` Version:           ${c.Version}`,
        ` API version:       ${c.ApiVersion}`,
        ` Go version:        ${c.GoVersion}`,
        ` Git commit:        ${c.GitCommit}`,
        ` Built:             ${c.BuildTime}`,
        ` OS/Arch:           ${c.Os}/${c.Arch}`,
        ` Context:           ${c.Context}`,
        '',
        `Server: ${s.Platform.Name}`,
        ' Engine:',
        `  Version:          ${s.Version}`,
        `  API version:      ${s.ApiVersion} (minimum version ${s.MinAPIVersion})`,
        `  Go version:       ${s.GoVersion}`,
        `  Git commit:       ${s.GitCommit}`,
        `  Built:            ${s.BuildTime}`,
        `  OS/Arch:          ${s.Os}/${s.Arch}`,
        '  Experimental:     false',
        ' containerd:',
        '  Version:          v2.1.5',
        '  GitCommit:        fcd43222d6b07379a4be9786bda52438f0dd16a1',
        ' runc:',
        '  Version:          1.3.3',
        '  GitCommit:        v1.3.3-0-gd842d771',
        ' docker-init:',
        '  Version:          0.19.0',
        '  GitCommit:        de40ad0',
        '',
      ].join('\n'),
    );
    return 0;
  },
};
