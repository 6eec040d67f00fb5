/**
 * A small snapshot of the npm registry: the packages course projects use,
 * with their real dependency lists (flattened the way npm hoists them).
 * One line per release line: `name@major version [deps…]`, where a dep
 * may pin a major (`debug@2`). `+` after the version marks packages that
 * declare funding (what `npm fund` counts). Optional macOS-only packages
 * (fsevents) are left out: npm skips them on Linux.
 */
const DATA = `
express@4 4.21.2 accepts@1 array-flatten body-parser@1 content-disposition@0 content-type cookie@0 cookie-signature@1.0 debug@2 depd encodeurl@2 escape-html etag finalhandler@1 fresh@0 http-errors merge-descriptors@1 methods on-finished parseurl path-to-regexp@0 proxy-addr qs range-parser safe-buffer send@0 serve-static@1 setprototypeof statuses type-is@1 utils-merge vary
express@5 5.1.0+ accepts@2 body-parser@2 content-disposition@1 content-type cookie@0 cookie-signature@1.2 debug@4 encodeurl@2 escape-html etag finalhandler@2 fresh@2 http-errors merge-descriptors@2 mime-types@3 on-finished once parseurl proxy-addr qs range-parser router send@1 serve-static@2 statuses type-is@2 vary
accepts@1 1.3.8 mime-types@2 negotiator@0
accepts@2 2.0.0 mime-types@3 negotiator@1
array-flatten@1 1.1.1
body-parser@1 1.20.3 bytes content-type debug@2 depd destroy http-errors iconv-lite@0.4 on-finished qs raw-body@2 type-is@1 unpipe
body-parser@2 2.2.0 bytes content-type debug@4 http-errors iconv-lite@0.6 on-finished qs raw-body@3 type-is@2
bytes@3 3.1.2
call-bind-apply-helpers@1 1.0.2+ es-errors function-bind
call-bound@1 1.0.4+ call-bind-apply-helpers get-intrinsic
content-disposition@0 0.5.4 safe-buffer
content-disposition@1 1.0.0 safe-buffer
content-type@1 1.0.5
cookie@0 0.7.1
cookie-signature@1.0 1.0.6
cookie-signature@1.2 1.2.2
cors@2 2.8.5 object-assign vary
debug@2 2.6.9 ms@2.0
debug@4 4.4.1 ms@2.1
depd@2 2.0.0
destroy@1 1.2.0
dotenv@16 16.5.0+
dotenv@17 17.2.1+
dunder-proto@1 1.0.1 call-bind-apply-helpers es-errors gopd
ee-first@1 1.1.1
encodeurl@2 2.0.0
es-define-property@1 1.0.1+
es-errors@1 1.3.0+
es-object-atoms@1 1.1.1+ es-errors
escape-html@1 1.0.3
etag@1 1.8.1
finalhandler@1 1.3.1 debug@2 encodeurl@2 escape-html on-finished parseurl statuses unpipe
finalhandler@2 2.1.0 debug@4 encodeurl@2 escape-html on-finished parseurl statuses
forwarded@0 0.2.0
fresh@0 0.5.2
fresh@2 2.0.0
function-bind@1 1.1.2+
get-intrinsic@1 1.3.0+ call-bind-apply-helpers es-define-property es-errors es-object-atoms function-bind get-proto gopd has-symbols hasown math-intrinsics
get-proto@1 1.0.1 dunder-proto es-object-atoms
gopd@1 1.2.0+
has-symbols@1 1.1.0+
hasown@2 2.0.2 function-bind
http-errors@2 2.0.0 depd inherits setprototypeof statuses toidentifier
iconv-lite@0.4 0.4.24 safer-buffer
iconv-lite@0.6 0.6.3 safer-buffer
inherits@2 2.0.4
ipaddr.js@1 1.9.1
is-promise@4 4.0.0
lodash@4 4.17.21
math-intrinsics@1 1.1.0
media-typer@0 0.3.0
media-typer@1 1.1.0
merge-descriptors@1 1.0.3+
merge-descriptors@2 2.0.0+
methods@1 1.1.2
mime@1 1.6.0
mime-db@1 1.52.0
mime-db@1.54 1.54.0
mime-types@2 2.1.35 mime-db@1
mime-types@3 3.0.1 mime-db@1.54
ms@2.0 2.0.0
ms@2.1 2.1.3
negotiator@0 0.6.3
negotiator@1 1.0.0
object-assign@4 4.1.1
object-inspect@1 1.13.4+
on-finished@2 2.4.1 ee-first
once@1 1.4.0 wrappy
parseurl@1 1.3.3
path-to-regexp@0 0.1.12
path-to-regexp@8 8.2.0
proxy-addr@2 2.0.7 forwarded ipaddr.js
qs@6 6.13.0+ side-channel
range-parser@1 1.2.1
raw-body@2 2.5.2 bytes http-errors iconv-lite@0.4 unpipe
raw-body@3 3.0.0 bytes http-errors iconv-lite@0.6 unpipe
router@2 2.2.0 debug@4 depd is-promise parseurl path-to-regexp@8
safe-buffer@5 5.2.1+
safer-buffer@2 2.1.2
send@0 0.19.0 debug@2 depd destroy encodeurl@1 escape-html etag fresh@0 http-errors mime@1 ms@2.1 on-finished range-parser statuses
send@1 1.2.0 debug@4 encodeurl@2 escape-html etag fresh@2 http-errors mime-types@3 ms@2.1 on-finished range-parser statuses
encodeurl@1 1.0.2
serve-static@1 1.16.2 encodeurl@2 escape-html parseurl send@0
serve-static@2 2.2.0 encodeurl@2 escape-html parseurl send@1
setprototypeof@1 1.2.0
side-channel@1 1.1.0+ es-errors object-inspect side-channel-list side-channel-map side-channel-weakmap
side-channel-list@1 1.0.0+ es-errors object-inspect
side-channel-map@1 1.0.1+ call-bound es-errors get-intrinsic object-inspect
side-channel-weakmap@1 1.0.2+ call-bound es-errors get-intrinsic object-inspect side-channel-map
statuses@2 2.0.1
toidentifier@1 1.0.1
type-is@1 1.6.18 media-typer@0 mime-types@2
type-is@2 2.0.1 content-type media-typer@1 mime-types@3
unpipe@1 1.0.0
utils-merge@1 1.0.1
vary@1 1.1.2
wrappy@1 1.0.2
nodemon@3 3.1.10+ chokidar debug@4 ignore-by-default minimatch pstree.remy semver simple-update-notifier supports-color touch undefsafe
chokidar@3 3.6.0+ anymatch braces glob-parent is-binary-path is-glob normalize-path readdirp
anymatch@3 3.1.3 normalize-path picomatch
braces@3 3.0.3 fill-range
fill-range@7 7.1.1 to-regex-range
to-regex-range@5 5.0.1 is-number
is-number@7 7.0.0
glob-parent@5 5.1.2 is-glob
is-glob@4 4.0.3 is-extglob
is-extglob@2 2.1.1
is-binary-path@2 2.1.0 binary-extensions
binary-extensions@2 2.3.0+
normalize-path@3 3.0.0
picomatch@2 2.3.1+
readdirp@3 3.6.0 picomatch
ignore-by-default@1 1.0.1
minimatch@3 3.1.2 brace-expansion
brace-expansion@1 1.1.12 balanced-match concat-map
balanced-match@1 1.0.2
concat-map@0 0.0.1
pstree.remy@1 1.1.8
semver@7 7.7.2
simple-update-notifier@2 2.0.0 semver
supports-color@5 5.5.0 has-flag
has-flag@3 3.0.0
touch@3 3.1.1
undefsafe@2 2.0.5
mongoose@8 8.16.1 bson kareem mongodb mpath mquery ms@2.1 sift
bson@6 6.10.4
kareem@2 2.6.3
mongodb@6 6.17.0 bson mongodb-connection-string-url
mongodb-connection-string-url@3 3.0.2 whatwg-url
whatwg-url@14 14.2.0 tr46 webidl-conversions
tr46@5 5.1.1 punycode
punycode@2 2.3.1
webidl-conversions@7 7.0.0
mpath@0 0.9.0
mquery@5 5.0.0 debug@4
sift@17 17.1.3
axios@1 1.10.0 follow-redirects form-data proxy-from-env
follow-redirects@1 1.15.9+
form-data@4 4.0.3 asynckit combined-stream es-set-tostringtag hasown mime-types@2
asynckit@0 0.4.0
combined-stream@1 1.0.8 delayed-stream
delayed-stream@1 1.0.0
es-set-tostringtag@2 2.1.0 es-errors get-intrinsic has-tostringtag hasown
has-tostringtag@1 1.0.2+ has-symbols
proxy-from-env@1 1.1.0
uuid@11 11.1.0+
chalk@5 5.4.1+
morgan@1 1.10.0 basic-auth debug@2 depd on-finished on-headers
basic-auth@2 2.0.1 safe-buffer
on-headers@1 1.0.2
ejs@3 3.1.10 jake
jake@10 10.9.2 async chalk@4 filelist minimatch@3
async@3 3.2.6
chalk@4 4.1.2+ ansi-styles supports-color@7
ansi-styles@4 4.3.0+ color-convert
color-convert@2 2.0.1 color-name
color-name@1 1.1.4
supports-color@7 7.2.0 has-flag@4
has-flag@4 4.0.0
filelist@1 1.0.4 minimatch@5
minimatch@5 5.1.6 brace-expansion@2
brace-expansion@2 2.0.2 balanced-match
`;

export interface NpmRelease {
  readonly name: string;
  readonly major: string;
  readonly version: string;
  readonly funding: boolean;
  /** `name` or `name@major` */
  readonly deps: readonly string[];
}

function load(): Map<string, NpmRelease[]> {
  const out = new Map<string, NpmRelease[]>();
  for (const line of DATA.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words.length < 2) continue;
    const [spec, rawVersion, ...deps] = words;
    const at = spec.lastIndexOf('@');
    const name = spec.slice(0, at);
    const funding = rawVersion.endsWith('+');
    const release: NpmRelease = { name, major: spec.slice(at + 1), version: rawVersion.replace(/\+$/, ''), funding, deps };
    out.set(name, [...(out.get(name) ?? []), release]);
  }
  return out;
}

export const NPM_REGISTRY: ReadonlyMap<string, readonly NpmRelease[]> = load();
