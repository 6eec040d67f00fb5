/**
 * The state BuildKit's progress displays keep: vertices in order of first
 * appearance, each with its status lines and logs. Fed from BuildEvents.
 */
import type { BuildEvent } from '../../engine/index.js';
import { buildkitBytes as formatBytes } from '../../engine/index.js';

export interface StatusState {
  readonly id: string;
  name: string;
  current?: number;
  total?: number;
  started?: number;
  completed?: number;
}

export interface VertexState {
  readonly id: string;
  name: string;
  started?: number;
  completed?: number;
  cached: boolean;
  error?: string;
  canceled: boolean;
  readonly statuses: StatusState[];
  readonly logs: { readonly text: string; readonly timestamp: number }[];
}

export class ProgressModel {
  readonly vertices: VertexState[] = [];
  readonly warnings: { rule: string; message: string; line: number }[] = [];
  private readonly byId = new Map<string, VertexState>();
  startTime?: number;

  apply(event: BuildEvent): VertexState | undefined {
    if (event.type === 'warning') {
      this.warnings.push({ rule: event.rule, message: event.message, line: event.line });
      return undefined;
    }
    if (event.type === 'vertex') {
      const v = event.vertex;
      let state = this.byId.get(v.id);
      if (!state) {
        state = { id: v.id, name: v.name, cached: false, canceled: false, statuses: [], logs: [] };
        this.byId.set(v.id, state);
        this.vertices.push(state);
      }
      state.name = v.name;
      if (v.started !== undefined) {
        state.started = v.started;
        this.startTime ??= v.started;
      }
      if (v.completed !== undefined) state.completed = v.completed;
      if (v.cached) state.cached = true;
      if (v.error !== undefined && !v.canceled) state.error = v.error;
      if (v.canceled) state.canceled = true;
      return state;
    }
    const state = this.byId.get(event.vertexId);
    if (!state) return undefined;
    if (event.type === 'log') {
      state.logs.push({ text: event.text, timestamp: event.timestamp });
      return state;
    }
    let status = state.statuses.find((s) => s.id === event.id);
    if (!status) {
      status = { id: event.id, name: event.name };
      state.statuses.push(status);
    }
    status.name = event.name;
    status.current = event.current;
    status.total = event.total;
    status.started = event.started;
    status.completed = event.completed;
    return state;
  }
}

/** Byte counts as BuildKit prints them: the engine's formatter, so statuses and progress agree. */
export { formatBytes };
