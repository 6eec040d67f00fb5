import type { ProgramRegistry } from '../context.js';
import type { Program } from './types.js';

export class SimpleProgramRegistry implements ProgramRegistry {
  private readonly programs = new Map<string, Program>();

  register(name: string, program: Program): void {
    this.programs.set(name, program);
  }

  lookup(name: string): Program | undefined {
    return this.programs.get(name);
  }
}
