/**
 * The student's own programs in the browser: an express app built and run
 * from the workspace, browsed in the preview (CSS, an image, a form that
 * posts and redirects, a link and back), the Node REPL and a Python script
 * that reads the terminal with input().
 */
import type { Page } from '@playwright/test';
import { expect, terminalText, test, typeCommand, waitForPrompt } from './fixtures.js';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// Builds, pulls and two runtimes per test: generous on a shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

// What a student pastes from the course into the terminal: heredocs that write the app's files.
const SERVER = String.raw`cat > server.js <<'EOF'
const express = require('express');
const bodyParser = require('body-parser');

const app = express();
const goals = ['Learn Docker!'];

app.use(bodyParser.urlencoded({ extended: false }));
app.use(express.static('public'));

app.get('/', (req, res) => {
  const items = goals.map((goal) => '<li>' + goal + '</li>').join('');
  res.send('<html><head><link rel="stylesheet" href="styles.css"></head><body>' +
    '<section><img src="/images/whale.svg" alt="whale" width="48"><h2>My Course Goals</h2><ul>' + items + '</ul></section>' +
    '<form action="/store-goal" method="POST"><div class="form-control"><label for="goal">Course Goal</label>' +
    '<input type="text" id="goal" name="goal"></div><button>Set Course Goal</button></form>' +
    '<p><a href="/about">About this app</a></p><script>document.body.innerHTML = "hijacked";</script></body></html>');
});

app.get('/about', (req, res) => {
  res.send('<h1>About</h1><p>Goals are kept in memory.</p><a href="/">Back to the goals</a>');
});

app.post('/store-goal', (req, res) => {
  goals.push(req.body.goal);
  res.redirect('/');
});

app.listen(80);
EOF
`;

const WHALE = `mkdir -p public/images && cat > public/images/whale.svg <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="8" fill="#1d63ed"/><circle cx="34" cy="18" r="4" fill="#fff"/></svg>
EOF
`;

const PYTHON = String.raw`mkdir -p ~/rng && cd ~/rng && cat > rng.py <<'EOF'
import random
low = int(input("Lowest number: "))
high = int(input("Highest number: "))
print("Your number:", random.randint(low, high))
EOF
cat > Dockerfile <<'EOF'
FROM python
WORKDIR /app
COPY rng.py .
CMD ["python", "rng.py"]
EOF
`;

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('[data-testid=terminal]:visible').click();
  await page.keyboard.press('Control+V');
}

test('the express goals app: built, run, and browsed in the preview with its CSS, image, form and links', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);

  await paste(page, SERVER);
  await paste(page, WHALE);
  await typeCommand(page, 'clear');
  await typeCommand(page, 'docker build -t goals .');
  await expect(terminalText(page)).toContainText('naming to docker.io/library/goals', { timeout: 45_000 });
  await typeCommand(page, 'docker run -d -p 3000:80 goals');
  await expect(terminalText(page)).toContainText(/[0-9a-f]{64}/, { timeout: 30_000 });

  await page.getByRole('button', { name: 'preview :3000' }).click();
  const preview = page.getByTestId('preview');
  const frame = page.frameLocator('[data-testid=preview] iframe');
  await expect(frame.locator('h2')).toHaveText('My Course Goals', { timeout: 20_000 });
  await expect(frame.locator('li')).toHaveText(['Learn Docker!']);
  await expect(preview.getByLabel('Address')).toHaveValue('/');
  // The page's stylesheet (public/styles.css, seeded with the course's app) is applied…
  await expect(frame.locator('button')).toHaveCSS('background-color', 'rgb(47, 0, 90)');
  // …its image came through the engine as a data: URL and decoded…
  const img = frame.locator('img[alt=whale]');
  await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(48);
  // …and the student's own inline script did not run.
  await expect(frame.locator('body')).not.toHaveText('hijacked');

  // The frame is an opaque origin: it cannot reach the app's storage.
  const origin = await page.locator('[data-testid=preview] iframe').evaluate((el: HTMLIFrameElement) => el.getAttribute('sandbox'));
  expect(origin).toBe('allow-scripts allow-forms');
  const frameOrigin = await page.frames().find((f) => f.url() === 'about:srcdoc')?.evaluate(() => self.origin);
  expect(frameOrigin).toBe('null');

  // A message that does not come from the preview's own frame is ignored (here: the app page itself posting).
  await page.evaluate(() => window.postMessage({ type: 'slipway-preview', method: 'GET', url: '/about', body: '' }, '*'));
  await page.waitForTimeout(500);
  await expect(preview.getByLabel('Address')).toHaveValue('/');
  await expect(frame.locator('h2')).toHaveText('My Course Goals');

  await frame.locator('input[name=goal]').fill('Ship the app');
  await frame.getByRole('button', { name: 'Set Course Goal' }).click();
  await expect(frame.locator('li')).toHaveText(['Learn Docker!', 'Ship the app']);
  await expect(preview.getByLabel('Address')).toHaveValue('/');
  await expect(preview.getByTestId('preview-status')).toHaveText('200 OK');
  await page.screenshot({ path: 'e2e/screenshots/preview-goals.png' });

  // The POST reached the app: its log shows nothing, but curl in the terminal sees the new goal too.
  await typeCommand(page, 'curl -s localhost:3000 | grep -o "<li>[^<]*</li>"');
  await expect(terminalText(page)).toContainText('<li>Ship the app</li>');

  await frame.getByRole('link', { name: 'About this app' }).click();
  await expect(frame.locator('h1')).toHaveText('About');
  await expect(preview.getByLabel('Address')).toHaveValue('/about');
  await preview.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(frame.locator('li')).toHaveText(['Learn Docker!', 'Ship the app']);
  await expect(preview.getByLabel('Address')).toHaveValue('/');

  // The address bar navigates too; a 404 is shown as the app answered it.
  await preview.getByLabel('Address').fill('/nowhere');
  await preview.getByLabel('Address').press('Enter');
  await expect(preview.getByTestId('preview-status')).toHaveText('404 Not Found');
  await expect(frame.locator('body')).toContainText('Cannot GET /nowhere');
});

const RUNTIME_FILE = /emscripten-module|micropython|quickjs/;

test('docker run -it node and python are REPLs; a Python script reads the terminal with input()', async ({ page, watch }) => {
  void watch;
  // The worker's fetches show up as the page's requests too.
  const runtimeFiles: string[] = [];
  page.on('request', (request) => {
    if (RUNTIME_FILE.test(request.url())) runtimeFiles.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await waitForPrompt(page);
  expect(runtimeFiles, 'runtime files in the initial download').toEqual([]);

  await typeCommand(page, "docker run --rm node -e 'console.log([1, 2, 3].map((n) => n * 2))'");
  await expect(terminalText(page)).toContainText('[ 2, 4, 6 ]', { timeout: 30_000 });
  expect(runtimeFiles.some((path) => path.endsWith('.wasm')), 'QuickJS wasm fetched on first use').toBe(true);

  await typeCommand(page, 'clear');
  await typeCommand(page, 'docker run -it node');
  await expect(terminalText(page)).toContainText('Welcome to Node.js', { timeout: 30_000 });
  await page.keyboard.type('1 + 1');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/> 1 \+ 12\s*>/);
  await page.keyboard.type('.exit');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/\.exit\s*student@slipway:~\/app\$/);

  await typeCommand(page, 'clear');
  await typeCommand(page, 'docker run -it python');
  await expect(terminalText(page)).toContainText('>>>', { timeout: 30_000 });
  await page.keyboard.type('6 * 7');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/>>> 6 \* 742\s*>>>/);
  await page.keyboard.type('exit()');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/exit\(\)\s*student@slipway:~\/app\$/);

  await typeCommand(page, 'clear');
  await paste(page, PYTHON);
  await typeCommand(page, 'docker build -t rng .');
  await expect(terminalText(page)).toContainText('naming to docker.io/library/rng', { timeout: 45_000 });
  await typeCommand(page, 'clear');
  await typeCommand(page, 'docker run -it rng');
  await expect(terminalText(page)).toContainText('Lowest number:', { timeout: 30_000 });
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText('Highest number:');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText(/Your number: [345]\s*student@slipway/);
  await page.screenshot({ path: 'e2e/screenshots/python-input.png' });
});

test('after one visit the runtimes work offline (the service worker precached their chunks and wasm)', async ({ page, context, watch }) => {
  void watch;
  await page.goto('/');
  await waitForPrompt(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  // Installation precaches the whole build; wait until the cache holds the runtimes' wasm.
  await expect
    .poll(() => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (key) => (await (await caches.open(key)).keys()).map((r) => r.url)))).flat().filter((url) => url.endsWith('.wasm')).length), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);

  await context.setOffline(true);
  await page.reload();
  await waitForPrompt(page);
  await typeCommand(page, "docker run --rm node -e 'console.log(40 + 2)'");
  await expect(terminalText(page)).toContainText(/42student@slipway/, { timeout: 60_000 });
  await typeCommand(page, "docker run --rm python python -c 'print(6 * 7 + 1)'");
  await expect(terminalText(page)).toContainText(/43student@slipway/, { timeout: 60_000 });
  await context.setOffline(false);
});
