// PLACEHOLDER: replaced by the containers domain. Signatures are the contract.
import type { ContainersApi } from '../api.js';
import type { ContainerStore, EngineContext } from '../context.js';
import type { HttpRequest, HttpResponse } from '../net/http.js';
import type { SnapshotPart } from '../system/SystemService.js';

export declare class ContainerService implements ContainersApi, ContainerStore, SnapshotPart {
  constructor(ctx: EngineContext);
  create: ContainersApi['create'];
  start: ContainersApi['start'];
  attach: ContainersApi['attach'];
  wait: ContainersApi['wait'];
  stop: ContainersApi['stop'];
  kill: ContainersApi['kill'];
  restart: ContainersApi['restart'];
  remove: ContainersApi['remove'];
  list: ContainersApi['list'];
  inspect: ContainersApi['inspect'];
  resolve: ContainersApi['resolve'];
  logs: ContainersApi['logs'];
  exec: ContainersApi['exec'];
  copyFrom: ContainersApi['copyFrom'];
  copyTo: ContainersApi['copyTo'];
  usersOf: ContainerStore['usersOf'];
  /** Routes a request on a published host port to the listening program. */
  http(hostPort: number, request: HttpRequest): Promise<HttpResponse>;
  toSnapshot(): unknown;
  fromSnapshot(data: unknown): void;
  checkInvariants(): string[];
}
