/** The docker client this CLI imitates (a Docker 29 release). */
export const CLIENT = {
  version: '29.1.0',
  gitCommit: '0aedba5',
  goVersion: 'go1.25.4',
  buildTime: 'Mon Nov 17 23:23:45 2025',
} as const;
