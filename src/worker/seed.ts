/** The workspace a first visit starts with: the course's node app and its Dockerfile. */
import dockerfile from '../../tests/fixtures/node-app/Dockerfile?raw';
import packageJson from '../../tests/fixtures/node-app/package.json?raw';
import server from '../../tests/fixtures/node-app/server.js?raw';
import styles from '../../tests/fixtures/node-app/public/styles.css?raw';

export function seedWorkspace(): Record<string, string> {
  return { Dockerfile: dockerfile, 'package.json': packageJson, 'server.js': server, 'public/styles.css': styles };
}
