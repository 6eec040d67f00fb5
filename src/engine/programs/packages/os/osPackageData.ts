/**
 * Debian (trixie) and Alpine (3.22) package snapshots: `name version kB
 * [deps…]`. Binaries listed after `|` get an executable placeholder in
 * /usr/bin so PATH lookups find them, as they would after a real install.
 */
const DEBIAN = `
curl 8.14.1-2 269 libcurl4t64 ca-certificates | curl
libcurl4t64 8.14.1-2 391 libnghttp2-14 libpsl5t64 librtmp1 libssh2-1t64
libnghttp2-14 1.64.0-1.1 77
libpsl5t64 0.21.2-1.1 58
librtmp1 2.4+20151223.gitfa8646d.1-2+b5 60
libssh2-1t64 1.11.1-1 245
ca-certificates 20250419 162 openssl
openssl 3.5.1-1 1494 | openssl
wget 1.25.0-2 984 libpsl5t64 ca-certificates | wget
git 1:2.47.2-0.1 8855 git-man liberror-perl libcurl3t64-gnutls | git
git-man 1:2.47.2-0.1 2190
liberror-perl 0.17030-1 26
libcurl3t64-gnutls 8.14.1-2 383
vim 2:9.1.1230-2 1737 vim-runtime vim-common | vim vi
vim-runtime 2:9.1.1230-2 7304
vim-common 2:9.1.1230-2 134
nano 8.4-1 716 | nano
python3 3.13.5-1 28 python3.13 libpython3-stdlib | python3
python3.13 3.13.5-2 755
libpython3-stdlib 3.13.5-1 10
python3-pip 25.1.1+dfsg-1 1399 python3 | pip3
iputils-ping 3:20240905-3 48 | ping
net-tools 2.10-1.3 246 | netstat ifconfig
procps 2:4.0.4-9 873 | ps top
build-essential 12.12 4 gcc g++ make dpkg-dev | gcc make
gcc 4:14.2.0-1 5 | gcc
g++ 4:14.2.0-1 2 | g++
make 4.4.1-2 463 | make
dpkg-dev 1.22.21 1338
nginx 1.26.3-3 604 nginx-common | nginx
nginx-common 1.26.3-3 111
sqlite3 3.46.1-7 363 | sqlite3
jq 1.7.1-6 76 libjq1 | jq
libjq1 1.7.1-6 161
unzip 6.0-29 168 | unzip
zip 3.0-15 230 | zip
htop 3.4.1-5 170 | htop
bash 5.2.37-2 1508 | bash
`;

const ALPINE = `
curl 8.14.1-r1 263 ca-certificates brotli-libs c-ares libcurl libidn2 libpsl nghttp2-libs zlib | curl
ca-certificates 20250619-r0 693
brotli-libs 1.1.0-r2 350
c-ares 1.34.5-r0 85
libcurl 8.14.1-r1 490
libidn2 2.3.7-r0 140
libpsl 0.21.5-r3 30
nghttp2-libs 1.65.0-r0 75
zlib 1.3.1-r2 100
bash 5.2.37-r0 1400 readline | bash
readline 8.2.13-r1 300
git 2.49.1-r0 12000 pcre2 | git
pcre2 10.43-r1 800
python3 3.12.11-r0 22000 libffi | python3
libffi 3.4.8-r0 40
py3-pip 25.1.1-r0 8000 python3 | pip3
nodejs 22.16.0-r2 45000 | node
npm 11.3.0-r1 6000 nodejs | npm
vim 9.1.1415-r0 3300 | vim
nano 8.4-r0 600 | nano
wget 1.25.0-r1 500 | wget
jq 1.8.0-r0 450 oniguruma | jq
oniguruma 6.9.10-r0 600
tzdata 2025b-r0 1400
`;

export interface OsPackage {
  readonly name: string;
  readonly version: string;
  readonly kb: number;
  readonly deps: readonly string[];
  readonly binaries: readonly string[];
}

function load(data: string): ReadonlyMap<string, OsPackage> {
  const out = new Map<string, OsPackage>();
  for (const line of data.split('\n')) {
    const [main, bins = ''] = line.split('|');
    const [name, version, kb, ...deps] = main.trim().split(/\s+/);
    if (!version) continue;
    out.set(name, { name, version, kb: Number(kb), deps, binaries: bins.trim().split(/\s+/).filter((b) => b !== '') });
  }
  return out;
}

export const DEBIAN_PACKAGES = load(DEBIAN);
export const ALPINE_PACKAGES = load(ALPINE);

/** Requested packages plus their dependencies, dependencies first is not needed: request order, then deps. */
export function closure(catalogue: ReadonlyMap<string, OsPackage>, names: readonly string[]): OsPackage[] {
  const out: OsPackage[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkg = catalogue.get(name);
    if (!pkg) return;
    out.push(pkg);
    for (const dep of pkg.deps) visit(dep);
  };
  for (const n of names) visit(n);
  return out;
}
