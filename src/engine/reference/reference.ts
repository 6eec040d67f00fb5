/**
 * Docker's image reference grammar and normalisation, after
 * github.com/distribution/reference (reference.go, normalize.go, regexp.go).
 * `node` normalises to `docker.io/library/node`, and the familiar form
 * strips the default domain and the `library/` prefix again.
 */
import { EngineError } from '../errors/EngineError.js';

export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
const NAME_TOTAL_LENGTH_MAX = 255;

// Built from the same pieces as distribution/reference's regexp.go.
const alnum = '[a-z0-9]+';
const separator = '(?:[_.]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const host = `(?:${domainName}|${ipv6})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const REFERENCE = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const TAG_ONLY = new RegExp(`^${tagPattern}$`);

export const ERR_INVALID_FORMAT = 'invalid reference format';

/** A parsed, normalised reference. `path` is the repository path without the domain. */
export interface Reference {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

function invalid(message: string): EngineError {
  return new EngineError(message, 'invalidParameter');
}

function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost' || /[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    domain = maybeDomain === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : maybeDomain;
    remainder = rest;
  } else {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_PREFIX + remainder;
  return { domain, remainder };
}

/** distribution/reference `Parse`: the strict grammar, no normalisation. */
function parseStrict(s: string): Reference {
  const m = REFERENCE.exec(s);
  if (!m) {
    if (s === '') throw invalid('repository name must have at least one component');
    if (REFERENCE.test(s.toLowerCase())) throw invalid('repository name must be lowercase');
    throw invalid(ERR_INVALID_FORMAT);
  }
  const name = m[1];
  if (name.length > NAME_TOTAL_LENGTH_MAX) throw invalid(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  const slash = name.indexOf('/');
  // After normalisation the first component is always the domain.
  const domain = name.slice(0, slash);
  const path = name.slice(slash + 1);
  return { domain, path, ...(m[2] !== undefined ? { tag: m[2] } : {}), ...(m[3] !== undefined ? { digest: m[3] } : {}) };
}

/** `ParseNormalizedNamed`: what the CLI and daemon use for user input. Throws EngineError. */
export function parseReference(s: string): Reference {
  if (ANCHORED_IDENTIFIER.test(s)) {
    throw invalid(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw invalid(`${ERR_INVALID_FORMAT}: repository name (${remote}) must be lowercase`);
  }
  return parseStrict(`${domain}/${remainder}`);
}

/** Adds `:latest` when neither tag nor digest is present (`TagNameOnly`). */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** `node`, `student/app`, `ghcr.io/x/y` — the repository in familiar form. */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return `${ref.domain}/${ref.path}`;
  if (ref.path.startsWith(OFFICIAL_PREFIX) && !ref.path.slice(OFFICIAL_PREFIX.length).includes('/')) {
    return ref.path.slice(OFFICIAL_PREFIX.length);
  }
  return ref.path;
}

/** `node:latest`, `student/app:v1@sha256:…` */
export function familiarString(ref: Reference): string {
  let out = familiarName(ref);
  if (ref.tag !== undefined) out += `:${ref.tag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/** `docker.io/library/node:latest` */
export function canonicalString(ref: Reference): string {
  let out = `${ref.domain}/${ref.path}`;
  if (ref.tag !== undefined) out += `:${ref.tag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/** Familiar `name:tag`, adding `:latest`; the key the image store indexes tags by. */
export function normalizeTagged(s: string): string {
  return familiarString(withDefaultTag(parseReference(s)));
}

export function isValidTag(tag: string): boolean {
  return TAG_ONLY.test(tag);
}

/** A 64-hex ID given bare or with `sha256:`; undefined when `s` is not one. */
export function fullImageId(s: string): string | undefined {
  const hex = s.startsWith('sha256:') ? s.slice(7) : s;
  return ANCHORED_IDENTIFIER.test(hex) ? `sha256:${hex}` : undefined;
}

/** A possible short-ID prefix (`sha256:` optional), as lowercase hex; undefined when `s` is not hex. */
export function idPrefix(s: string): string | undefined {
  const hex = s.startsWith('sha256:') ? s.slice(7) : s;
  return /^[a-f0-9]{1,64}$/.test(hex) ? hex : undefined;
}
