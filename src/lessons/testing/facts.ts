/** Hand-written lesson states for tests. */
import type { ContainerFact, ImageFact, LessonState } from '../state.js';
import { EMPTY_STATE } from '../state.js';

export function stateWith(partial: Partial<LessonState>): LessonState {
  return { ...EMPTY_STATE, ...partial };
}

let next = 0;

export function containerFact(partial: Partial<ContainerFact> = {}): ContainerFact {
  next++;
  return {
    id: `c${next}`.padEnd(64, '0'),
    name: `box_${next}`,
    image: 'nginx',
    imageId: 'sha256:' + 'a'.repeat(64),
    imageTags: ['nginx:latest'],
    state: 'running',
    exitCode: 0,
    ports: [],
    attached: false,
    autoRemove: false,
    tty: false,
    openStdin: false,
    ...partial,
  };
}

export function imageFact(id: string, ...repoTags: string[]): ImageFact {
  return { id: 'sha256:' + id.padEnd(64, '0'), repoTags };
}
