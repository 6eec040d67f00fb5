// PLACEHOLDER: replaced by the containers/programs domain.
import type { EngineContext, ProcessRunner } from '../context.js';

export declare class Runner implements ProcessRunner {
  constructor(ctx: EngineContext);
  run: ProcessRunner['run'];
}
