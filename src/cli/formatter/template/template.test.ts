import { describe, expect, it } from 'vitest';
import { compileTemplate, structValue, TemplateError } from './index.js';

const run = (src: string, data: unknown): string => compileTemplate(src).execute(data);

describe('Go template subset', () => {
  const inspect = {
    Id: 'abc',
    Name: '/web',
    State: { Status: 'running', Running: true, ExitCode: 0 },
    Config: { Env: ['A=1', 'B=2'], Labels: { tier: 'front' }, Cmd: ['node', 'server.js'] },
    RepoTags: [] as string[],
  };

  it('walks nested fields and prints Go values', () => {
    expect(run('{{.State.Status}}', inspect)).toBe('running');
    expect(run('{{.State.Running}} {{.State.ExitCode}}', inspect)).toBe('true 0');
    expect(run('{{.Config.Env}}', inspect)).toBe('[A=1 B=2]');
    expect(run('{{.Config.Labels}}', inspect)).toBe('map[tier:front]');
    expect(run('{{.Nope}}', inspect)).toBe('<no value>');
  });

  it('has json, upper, lower, join, index, printf, len', () => {
    expect(run('{{json .Config.Cmd}}', inspect)).toBe('["node","server.js"]');
    expect(run('{{json .State}}', inspect)).toBe('{"Status":"running","Running":true,"ExitCode":0}');
    expect(run('{{upper .State.Status}}|{{lower "AbC"}}', inspect)).toBe('RUNNING|abc');
    expect(run('{{join .Config.Env ","}}', inspect)).toBe('A=1,B=2');
    expect(run('{{index .Config.Labels "tier"}} {{index .Config.Env 1}}', inspect)).toBe('front B=2');
    expect(run('{{printf "%s-%d|%5s|%-4s|" .Name 7 "ab" "c"}}', inspect)).toBe('/web-7|   ab|c   |');
    expect(run('{{len .Config.Env}}', inspect)).toBe('2');
    expect(run('{{.Name | upper}}', inspect)).toBe('/WEB');
  });

  it('runs if/else if/else, range and with', () => {
    expect(run('{{if .State.Running}}up{{else}}down{{end}}', inspect)).toBe('up');
    expect(run('{{if .RepoTags}}tagged{{else if .Name}}named{{else}}none{{end}}', inspect)).toBe('named');
    expect(run('{{range .Config.Env}}[{{.}}]{{end}}', inspect)).toBe('[A=1][B=2]');
    expect(run('{{range $i, $e := .Config.Env}}{{$i}}={{$e}} {{end}}', inspect)).toBe('0=A=1 1=B=2 ');
    expect(run('{{range .RepoTags}}x{{else}}empty{{end}}', inspect)).toBe('empty');
    expect(run('{{with .State}}{{.Status}}{{end}}', inspect)).toBe('running');
    expect(run('{{range $k, $v := .Config.Labels}}{{$k}}:{{$v}}{{end}}', inspect)).toBe('tier:front');
  });

  it('trims around {{- and -}}', () => {
    expect(run('a  {{- .Name -}}  b', inspect)).toBe('a/webb');
  });

  it('reports parse errors in Go wording', () => {
    expect(() => compileTemplate('{{foo .Name}}')).toThrow(new TemplateError('template: :1: function "foo" not defined'));
    expect(() => compileTemplate('{{.Name')).toThrow(TemplateError);
    expect(() => compileTemplate('{{if .X}}')).toThrow(/unexpected EOF/);
    expect(() => compileTemplate('{{end}}')).toThrow(/unexpected \{\{end\}\}/);
  });

  it('treats struct contexts strictly and calls their methods', () => {
    const row = structValue('*formatter.ContainerContext', { ID: () => 'c1', Names: () => 'web' });
    expect(run('{{.ID}} {{.Names}}', row)).toBe('c1 web');
    expect(() => run('{{.Foo}}', row)).toThrow('template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext');
  });

  it('reports nil pointers on missing intermediate keys', () => {
    expect(() => run('{{.Missing.Deeper}}', inspect)).toThrow(/nil pointer evaluating interface \{\}\.Deeper/);
  });
});
