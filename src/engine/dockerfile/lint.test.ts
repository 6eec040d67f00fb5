import { describe, expect, it } from 'vitest';
import { lintDockerfile, parseDockerfile, type LintOptions } from './index.js';

const lint = (text: string, options?: LintOptions) =>
  lintDockerfile(parseDockerfile(text), options).map((w) => `${w.rule}@${w.line}: ${w.message}`);

describe('lintDockerfile (BuildKit build checks)', () => {
  it('a clean Dockerfile has no warnings', () => {
    expect(lint('FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "app.js"]\n')).toEqual([]);
  });
  it('JSONArgsRecommended for shell-form CMD/ENTRYPOINT, not after SHELL', () => {
    expect(lint('FROM a\nCMD node app.js\n')).toEqual([
      'JSONArgsRecommended@2: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
    ]);
    expect(lint('FROM a\nentrypoint top\nCMD ["x"]\n')).toEqual([
      "ConsistentInstructionCasing@2: Command 'entrypoint' should match the case of the command majority (uppercase)",
      'JSONArgsRecommended@2: JSON arguments recommended for entrypoint to prevent unintended behavior related to OS signals',
    ]);
    expect(lint('FROM a\nSHELL ["/bin/bash", "-c"]\nCMD node app.js\n')).toEqual([]);
  });
  it('MultipleInstructionsDisallowed points at the earlier instruction', () => {
    expect(lint('FROM a\nCMD ["a"]\nCMD ["b"]\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n')).toEqual([
      'MultipleInstructionsDisallowed@2: Multiple CMD instructions should not be used in the same stage because only the last one will be used',
      'MultipleInstructionsDisallowed@4: Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used',
    ]);
    expect(lint('FROM a\nCMD ["a"]\nFROM b\nCMD ["b"]\n')).toEqual([]);
  });
  it('WorkdirRelativePath only for the first WORKDIR of a stage', () => {
    expect(lint('FROM a\nWORKDIR app\nWORKDIR sub\n')).toEqual([
      'WorkdirRelativePath@2: Relative workdir "app" can have unexpected results if the base image changes',
    ]);
    expect(lint('FROM a\nWORKDIR /app\nWORKDIR sub\n')).toEqual([]);
  });
  it('stage name checks', () => {
    expect(lint('FROM a AS Build\nFROM b as build\nFROM c AS scratch\n')).toEqual([
      "StageNameCasing@1: Stage name 'Build' should be lowercase",
      "FromAsCasing@2: 'as' and 'FROM' keywords' casing do not match",
      'DuplicateStageName@2: Duplicate stage name "build", stage names should be unique',
      'ReservedStageName@3: Stage name should not use the same name as reserved stage "scratch"',
    ]);
    expect(lint('from a AS b\n')).toEqual(["FromAsCasing@1: 'AS' and 'from' keywords' casing do not match"]);
  });
  it('ConsistentInstructionCasing follows the majority', () => {
    expect(lint('from a\nrun x\nRUN y\nRun z\n')).toEqual([
      "ConsistentInstructionCasing@3: Command 'RUN' should match the case of the command majority (lowercase)",
      "ConsistentInstructionCasing@4: Command 'Run' should match the case of the command majority (lowercase)",
    ]);
  });
  it('LegacyKeyValueFormat and MaintainerDeprecated', () => {
    expect(lint('FROM a\nMAINTAINER me\nENV A 1\nLABEL b 2\nENV C=3\n')).toEqual([
      'MaintainerDeprecated@2: Maintainer instruction is deprecated in favor of using label',
      'LegacyKeyValueFormat@3: "ENV key=value" should be used instead of legacy "ENV key value" format',
      'LegacyKeyValueFormat@4: "LABEL key=value" should be used instead of legacy "LABEL key value" format',
    ]);
  });
  it('UndefinedArgInFrom with suggestion; platform ARGs are predefined', () => {
    expect(lint('ARG VERSION=1\nFROM alpine:$VERSON\nFROM --platform=$BUILDPLATFORM b\n')).toEqual([
      'InvalidDefaultArgInFrom@2: Default value for ARG alpine:$VERSON results in empty or invalid base image name',
      "UndefinedArgInFrom@2: FROM argument 'VERSON' is not declared (did you mean VERSION?)",
    ]);
  });
  it('UndefinedVar needs a known environment (scratch, or baseImageEnv)', () => {
    expect(lint('FROM scratch\nARG A\nENV B=$A\nWORKDIR /$B/$UNKNOWN\nCOPY $PATH /x\n')).toEqual([
      "UndefinedVar@4: Usage of undefined variable '$UNKNOWN'",
    ]);
    expect(lint('FROM node\nENV X=$NODE_VERSON\n')).toEqual([]);
    expect(lint('FROM node\nENV X=$NODE_VERSON\n', { baseImageEnv: () => ({ NODE_VERSION: '20' }) })).toEqual([
      "UndefinedVar@2: Usage of undefined variable '$NODE_VERSON' (did you mean $NODE_VERSION?)",
    ]);
  });
  it('SecretsUsedInArgOrEnv', () => {
    expect(lint('FROM a\nARG API_KEY\nENV DB_PASSWORD=x\nARG PUBLIC_KEY\nARG KEYBOARD\n')).toEqual([
      'SecretsUsedInArgOrEnv@2: Do not use ARG or ENV instructions for sensitive data (ARG "API_KEY")',
      'SecretsUsedInArgOrEnv@3: Do not use ARG or ENV instructions for sensitive data (ENV "DB_PASSWORD")',
    ]);
  });
  it('NoEmptyContinuation from the parser warning', () => {
    const w = lintDockerfile(parseDockerfile('FROM a\nRUN a \\\n\n  b\n'));
    expect(w.map((x) => [x.rule, x.message, x.url])).toEqual([
      ['NoEmptyContinuation', 'Empty continuation line', 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/'],
    ]);
  });
  it('FROM --platform checks', () => {
    expect(lint('FROM --platform=linux/amd64 a\nFROM --platform=linux/arm64 b AS build-arm64\nFROM --platform=$TARGETPLATFORM c\n')).toEqual([
      'FromPlatformFlagConstDisallowed@1: FROM --platform flag should not use constant value "linux/amd64"',
      'RedundantTargetPlatform@3: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    ]);
  });
  it('EXPOSE checks (ports in BuildKit\'s sorted order)', () => {
    expect(lint('FROM a\nEXPOSE 80/TcP 127.0.0.1:80:80 8080:80 443/udp\n')).toEqual([
      "ExposeInvalidFormat@2: EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'",
      "ExposeProtoCasing@2: Defined protocol '80/TcP' in EXPOSE instruction should be lowercase",
      "ExposeInvalidFormat@2: EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80'",
    ]);
  });
  it('InvalidDefaultArgInFrom', () => {
    expect(lint('ARG TAG\nFROM alpine:$TAG\n')).toEqual([
      'InvalidDefaultArgInFrom@2: Default value for ARG alpine:$TAG results in empty or invalid base image name',
    ]);
    expect(lint('ARG TAG=3.20\nFROM alpine:$TAG\nFROM docker.io/library/node:20-alpine@sha256:' + 'a'.repeat(64) + '\n')).toEqual([]);
  });
});
