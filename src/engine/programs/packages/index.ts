/**
 * Package-manager programs for RUN steps and containers: npm, pip, apt-get
 * and apk, each answering from a small simulated registry.
 */
import type { ProgramRegistry } from '../../context.js';
import { npmProgram } from './npm/npm.js';
import { npxProgram } from './npm/npx.js';
import { apkProgram } from './os/apk.js';
import { aptGetProgram } from './os/aptGet.js';
import { pipProgram } from './pip/pip.js';

export function registerPackagePrograms(registry: ProgramRegistry): void {
  registry.register('npm', npmProgram);
  registry.register('npx', npxProgram);
  registry.register('pip', pipProgram);
  registry.register('pip3', pipProgram);
  registry.register('apt-get', aptGetProgram);
  registry.register('apt', aptGetProgram);
  registry.register('apk', apkProgram);
}
