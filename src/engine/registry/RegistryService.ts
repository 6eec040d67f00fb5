// PLACEHOLDER: replaced by the images/registry domain. Signatures are the contract.
import type { RegistryApi } from '../api.js';
import type { EngineContext } from '../context.js';
import type { SnapshotPart } from '../system/SystemService.js';

export declare class RegistryService implements RegistryApi, SnapshotPart {
  constructor(ctx: EngineContext);
  login: RegistryApi['login'];
  logout: RegistryApi['logout'];
  currentUser: RegistryApi['currentUser'];
  toSnapshot(): unknown;
  fromSnapshot(data: unknown): void;
  checkInvariants(): string[];
}
