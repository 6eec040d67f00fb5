/** ubuntu:26.04 (latest) and 24.04, imported by Canonical's oci-import builder (legacy `#(nop)` history). */
import { debianLike } from './bases.js';
import { PATH_ENV } from './debian.js';
import type { ImageSpec, RepoSpec } from './types.js';
import { KB } from './types.js';

function release(version: string, point: string, codename: string, title: string, created: string, addHash: string, compressed: number): ImageSpec {
  const osRelease = `PRETTY_NAME="Ubuntu ${point} LTS"
NAME="Ubuntu"
VERSION_ID="${version}"
VERSION="${point} LTS (${title})"
VERSION_CODENAME=${codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${codename}
LOGO=ubuntu-logo
`;
  const layer = {
    key: `ubuntu:${version}`,
    compressed,
    size: Math.round(compressed * 2.63),
    files: (fs: import('./FsBuilder.js').FsBuilder) => {
      debianLike(fs, osRelease, 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n', 'ubuntu:x:1000:\n');
      fs.dir('/home/ubuntu', 0o750, 1000, 1000).file('/etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${version}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="Ubuntu ${point} LTS"\n`);
      fs.file('/etc/debian_version', `${codename}/sid\n`);
    },
  };
  return {
    tags: [],
    created,
    config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': version } },
    history: [
      { createdBy: '/bin/sh -c #(nop)  ARG RELEASE' },
      { createdBy: '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH' },
      { createdBy: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu' },
      { createdBy: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}` },
      { createdBy: `/bin/sh -c #(nop) ADD file:${addHash} in / `, layer },
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    ],
  };
}

export const UBUNTU: RepoSpec = {
  path: 'library/ubuntu',
  images: [
    { ...release('26.04', '26.04', 'resolute', 'Resolute Raccoon', '2026-10-30T07:41:05.392186311Z', 'b1c7e3a0f2d94c6e8a5f13d7e92b4c0a6f8d1e3b5c7a9f2e4d6b8a0c1e3f5a7b', 30_400 * KB), tags: ['latest', '26.04', 'resolute', 'rolling'] },
    { ...release('24.04', '24.04.3', 'noble', 'Noble Numbat', '2026-10-01T08:12:44.615503290Z', 'a83f4d1c9e0b2f6a7d5c3e8b1f9a0d2c4e6b8a1f3d5c7e9b0a2d4f6c8e1b3a5d', 29_800 * KB), tags: ['24.04', 'noble'] },
  ],
};
