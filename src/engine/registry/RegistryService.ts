/**
 * The simulated Docker Hub: accounts and the stored credentials (`docker
 * login`), the official-image catalogue, and repositories students pushed.
 * The images domain pulls from and pushes to it; a pushed repository stays
 * pullable after its local image is removed.
 */
import type { ImageConfigFile, RegistryApi } from '../api.js';
import type { EngineContext, Layer } from '../context.js';
import { EngineError } from '../errors/EngineError.js';
import { layerFromJson, layerToJson, type LayerJson } from '../layers/serialize.js';
import type { SnapshotPart } from '../system/SystemService.js';
import { catalogueImage, catalogueLayer, findRepository, requireCatalogue, type HubImage } from './catalogue/index.js';

export const UNAUTHORIZED = 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password';
export const DENIED = 'denied: requested access to the resource is denied';

/** Docker Hub IDs: 4–30 lowercase letters and digits. */
export function isValidHubUsername(name: string): boolean {
  return /^[a-z0-9]{4,30}$/.test(name);
}

export type HubLookup = { readonly kind: 'found'; readonly image: HubImage } | { readonly kind: 'no-repo' } | { readonly kind: 'no-tag' };

interface Snapshot {
  readonly accounts: Record<string, string>;
  readonly user?: string;
  readonly repos: Record<string, Record<string, { config: ImageConfigFile; diffIds: string[]; compressed: number[]; digest: string; manifestSize: number }>>;
  readonly layers: LayerJson[];
}

export class RegistryService implements RegistryApi, SnapshotPart {
  private readonly accounts = new Map<string, string>();
  private user: string | undefined;
  /** Pushed repositories: path (`student/app`) → tag → image. */
  private readonly repos = new Map<string, Map<string, HubImage>>();

  // The hub keeps no clock or ids of its own; the parameter keeps Engine's wiring uniform.
  constructor(_ctx: EngineContext) {}

  login(username: string, password: string): { readonly username: string; readonly alreadyLoggedIn: boolean } {
    if (!isValidHubUsername(username) || password === '') throw new EngineError(UNAUTHORIZED, 'forbidden');
    const known = this.accounts.get(username);
    if (known === undefined) this.accounts.set(username, password);
    else if (known !== password) throw new EngineError(UNAUTHORIZED, 'forbidden');
    const alreadyLoggedIn = this.user === username;
    this.user = username;
    return { username, alreadyLoggedIn };
  }

  logout(): { readonly wasLoggedIn: boolean } {
    const wasLoggedIn = this.user !== undefined;
    this.user = undefined;
    return { wasLoggedIn };
  }

  currentUser(): string | undefined {
    return this.user;
  }

  /** Looks up `path:tag` (path without the domain, e.g. `library/node`). */
  lookup(path: string, tag: string): HubLookup {
    const pushed = this.repos.get(path);
    if (pushed) {
      const image = pushed.get(tag);
      return image ? { kind: 'found', image } : { kind: 'no-tag' };
    }
    if (!findRepository(path)) return { kind: 'no-repo' };
    const image = catalogueImage(path, tag);
    return image ? { kind: 'found', image } : { kind: 'no-tag' };
  }

  /** Every tag of a repository on the hub (pushed or official). */
  tagsOf(path: string): string[] {
    const pushed = this.repos.get(path);
    if (pushed) return [...pushed.keys()];
    return (findRepository(path)?.images ?? []).flatMap((i) => [...i.tags]);
  }

  /**
   * Where the hub already holds a blob: `undefined`, the same repository, or
   * another one (cross-repo mount). `preferred` lists the repositories the
   * local daemon pulled the layer from, most relevant first: like dockerd's
   * v2 metadata service, those are the mount candidates it tries before any
   * other repository.
   */
  blobSource(diffId: string, path: string, preferred: readonly string[] = []): string | undefined {
    if (this.repoHasBlob(path, diffId)) return path;
    for (const repo of preferred) if (repo !== path && this.repoHasBlob(repo, diffId)) return repo;
    for (const [repo, tags] of this.repos) {
      for (const image of tags.values()) if (image.layers.some((l) => l.diffId === diffId)) return repo;
    }
    if (!catalogueLayer(diffId)) return undefined;
    for (const name of ['library/node', 'library/python', 'library/nginx', 'library/debian', 'library/alpine', 'library/ubuntu', 'library/busybox', 'library/hello-world']) {
      if (this.repoHasBlob(name, diffId)) return name;
    }
    return undefined;
  }

  private repoHasBlob(path: string, diffId: string): boolean {
    const pushed = this.repos.get(path);
    if (pushed) return [...pushed.values()].some((image) => image.layers.some((l) => l.diffId === diffId));
    for (const spec of findRepository(path)?.images ?? []) {
      if (catalogueImage(path, spec.tags[0])?.layers.some((l) => l.diffId === diffId)) return true;
    }
    return false;
  }

  publish(path: string, tag: string, image: HubImage): void {
    let tags = this.repos.get(path);
    if (!tags) this.repos.set(path, (tags = new Map()));
    tags.set(tag, image);
  }

  // ------------------------------------------------------------ snapshot

  toSnapshot(): unknown {
    const layers = new Map<string, Layer>();
    const repos: Snapshot['repos'] = {};
    for (const [path, tags] of this.repos) {
      const out: Snapshot['repos'][string] = {};
      for (const [tag, image] of tags) {
        out[tag] = { config: image.config, diffIds: image.layers.map((l) => l.diffId), compressed: [...image.compressed], digest: image.digest, manifestSize: image.manifestSize };
        for (const layer of image.layers) if (!catalogueLayer(layer.diffId)) layers.set(layer.diffId, layer);
      }
      repos[path] = out;
    }
    const snapshot: Snapshot = {
      accounts: Object.fromEntries(this.accounts),
      ...(this.user !== undefined ? { user: this.user } : {}),
      repos,
      layers: [...layers.values()].map(layerToJson),
    };
    return snapshot;
  }

  fromSnapshot(data: unknown): void {
    this.accounts.clear();
    this.repos.clear();
    this.user = undefined;
    if (!data || typeof data !== 'object') return;
    const snap = data as Snapshot;
    for (const [name, password] of Object.entries(snap.accounts ?? {})) this.accounts.set(name, password);
    this.user = snap.user;
    const layers = new Map((snap.layers ?? []).map((json) => [json.diffId, layerFromJson(json)]));
    requireCatalogue(Object.values(snap.repos ?? {}).some((tags) => Object.values(tags).some((image) => image.diffIds.some((id) => !layers.has(id)))));
    for (const [path, tags] of Object.entries(snap.repos ?? {})) {
      for (const [tag, image] of Object.entries(tags)) {
        const resolved = image.diffIds.map((id) => layers.get(id) ?? catalogueLayer(id));
        if (resolved.some((l) => !l)) continue;
        this.publish(path, tag, { path, config: image.config, layers: resolved as Layer[], compressed: image.compressed, digest: image.digest, manifestSize: image.manifestSize });
      }
    }
  }

  checkInvariants(): string[] {
    const problems: string[] = [];
    if (this.user !== undefined && !this.accounts.has(this.user)) problems.push(`registry: logged-in user ${this.user} has no hub account`);
    for (const [path, tags] of this.repos) {
      for (const [tag, image] of tags) {
        if (image.layers.length !== image.config.rootfs.diff_ids.length) problems.push(`registry: ${path}:${tag} layer count differs from its config`);
      }
    }
    return problems;
  }
}
