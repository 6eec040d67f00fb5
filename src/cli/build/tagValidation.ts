/**
 * `-t` values are checked by buildx before anything is sent (reference.Parse,
 * not the normalising parser), so the wording is distribution/reference's
 * short form: `invalid tag "MyApp": repository name must be lowercase`.
 */
const alnum = '[a-z0-9]+';
const separator = '(?:[_.]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const REFERENCE = new RegExp(`^((?:${domain}/)?${pathComponent}(?:/${pathComponent})*)(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** Returns buildx's error text for an invalid tag, or undefined when it is valid. */
export function tagError(tag: string): string | undefined {
  if (REFERENCE.test(tag)) {
    const name = REFERENCE.exec(tag)![1];
    return name.length > 255 ? `invalid tag ${JSON.stringify(tag)}: repository name must not be more than 255 characters` : undefined;
  }
  if (tag !== '' && REFERENCE.test(tag.toLowerCase())) return `invalid tag ${JSON.stringify(tag)}: repository name must be lowercase`;
  return `invalid tag ${JSON.stringify(tag)}: invalid reference format`;
}
