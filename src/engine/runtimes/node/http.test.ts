import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../net/http.js';
import { nodeHarness, until } from './testing/harness.js';

const text = (r: HttpResponse): string => new TextDecoder().decode(r.body);

describe('node http', () => {
  it('answers requests through the container listener with headers, status, query and a streamed body', async () => {
    const t = nodeHarness({
      '/app/server.js': [
        'const http = require("http"); const { URL } = require("url");',
        'const server = http.createServer((req, res) => {',
        '  const url = new URL(req.url, "http://" + req.headers.host);',
        '  let body = "";',
        '  req.on("data", (c) => body += c);',
        '  req.on("end", () => {',
        '    if (url.pathname === "/echo") { res.writeHead(201, { "Content-Type": "text/plain" }); res.end(req.method + " " + url.searchParams.get("q") + " " + body); return; }',
        '    res.statusCode = 404; res.setHeader("X-Thing", "1"); res.write("not "); res.end("found");',
        '  });',
        '});',
        'server.listen(3000, () => console.log("Server listening on port 3000"));',
      ].join('\n'),
    });
    const run = t.start(['node', 'server.js']);
    await until(() => t.stdout.text !== '');
    expect(t.stdout.text).toBe('Server listening on port 3000\n');
    const ok = await t.request(3000, 'POST', '/echo?q=hi%20there', 'payload');
    expect(ok.status).toBe(201);
    expect(ok.statusText).toBe('Created');
    expect(text(ok)).toBe('POST hi there payload');
    expect(ok.headers).toMatchObject({ 'content-type': 'text/plain', 'content-length': '21', connection: 'keep-alive', 'keep-alive': 'timeout=5', date: 'Thu, 15 Jan 2026 10:00:00 GMT' });
    const missing = await t.request(3000, 'GET', '/nope');
    expect([missing.status, text(missing), missing.headers['x-thing'], missing.headers['transfer-encoding']]).toEqual([404, 'not found', '1', 'chunked']);
    t.killed.cancel();
    expect(await run).toBe(137);
  });

  it('reports EADDRINUSE like Node when the port is taken', async () => {
    const t = nodeHarness({ '/app/a.js': 'require("http").createServer(() => {}).listen(8080); require("http").createServer(() => {}).listen(8080);\n' });
    expect(await t.start(['node', 'a.js'])).toBe(1);
    expect(t.stderr.text).toContain('Error: listen EADDRINUSE: address already in use :::8080');
    expect(t.stderr.text).toMatch(/code: 'EADDRINUSE',\n {2}errno: -98,\n {2}syscall: 'listen',\n {2}address: '::',\n {2}port: 8080\n\}\n\nNode.js v26.7.0\n$/);
  });

  it('ends with exit 0 once the server is closed and nothing else is pending', async () => {
    const t = nodeHarness({ '/app/a.js': 'const s = require("http").createServer((q, r) => { r.end("bye"); s.close(() => console.log("closed")); }).listen(80);\n' });
    const run = t.start(['node', 'a.js']);
    await until(() => t.network.ports().includes(80));
    expect(text(await t.request(80, 'GET', '/'))).toBe('bye');
    expect(await run).toBe(0);
    expect(t.stdout.text).toBe('closed\n');
  });
});

const GOALS_APP = `const express = require('express');
const bodyParser = require('body-parser');

const app = express();

let userGoal = 'Learn Docker!';

app.use(
  bodyParser.urlencoded({
    extended: false,
  })
);

app.use(express.static('public'));

app.get('/', (req, res) => {
  res.send(\`
    <html>
      <head>
        <link rel="stylesheet" href="styles.css">
      </head>
      <body>
        <section>
          <h2>My Course Goal</h2>
          <h3>\${userGoal}</h3>
        </section>
        <form action="/store-goal" method="POST">
          <div class="form-control">
            <label>Course Goal</label>
            <input type="text" name="goal">
          </div>
          <button>Set Course Goal</button>
        </form>
      </body>
    </html>
  \`);
});

app.post('/store-goal', (req, res) => {
  const enteredGoal = req.body.goal;
  console.log(enteredGoal);
  userGoal = enteredGoal;
  res.redirect('/');
});

app.listen(80);
`;

function installed(): Record<string, string> {
  const pkg = (name: string, version: string) => ({
    [`/app/node_modules/${name}/package.json`]: JSON.stringify({ name, version, main: 'index.js' }),
    [`/app/node_modules/${name}/index.js`]: `// ${name}@${version} (simulated by Slipway)\nmodule.exports = {};\n`,
  });
  return { ...pkg('express', '4.21.2'), ...pkg('body-parser', '1.20.3'), ...pkg('debug', '2.6.9') };
}

describe('express', () => {
  it('serves the course goals app: page, static css, form post with redirect', async () => {
    const t = nodeHarness({ '/app/server.js': GOALS_APP, '/app/public/styles.css': 'html { font-family: sans-serif; }\n', ...installed() });
    const run = t.start(['node', 'server.js']);
    await until(() => t.network.ports().includes(80));
    const page = await t.request(80, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({ 'x-powered-by': 'Express', 'content-type': 'text/html; charset=utf-8' });
    expect(text(page)).toContain('<h3>Learn Docker!</h3>');
    const css = await t.request(80, 'GET', '/styles.css');
    expect([css.status, css.headers['content-type'], text(css)]).toEqual([200, 'text/css; charset=UTF-8', 'html { font-family: sans-serif; }\n']);
    const post = await t.request(80, 'POST', '/store-goal', 'goal=Master+Docker%21', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '20' });
    expect([post.status, post.headers.location, text(post)]).toEqual([302, '/', 'Found. Redirecting to /']);
    expect(t.stdout.text).toBe('Master Docker!\n');
    expect(text(await t.request(80, 'GET', '/'))).toContain('<h3>Master Docker!</h3>');
    const missing = await t.request(80, 'GET', '/nope');
    expect([missing.status, text(missing)]).toEqual([404, '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /nope</pre>\n</body>\n</html>\n']);
    t.killed.cancel();
    expect(await run).toBe(137);
  });

  it('routes params, json bodies, routers and error handlers', async () => {
    const t = nodeHarness({
      ...installed(),
      '/app/api.js': [
        'const express = require("express"); const app = express();',
        'app.use(express.json());',
        'const goals = express.Router();',
        'goals.get("/:id", (req, res) => res.json({ id: req.params.id, q: req.query.sort }));',
        'goals.post("/", (req, res) => res.status(201).json({ created: req.body.text }));',
        'goals.delete("/:id", (req, res) => res.sendStatus(204));',
        'app.use("/goals", goals);',
        'app.get("/fail", () => { throw new Error("kaputt"); });',
        'app.use((err, req, res, next) => res.status(500).send("handled: " + err.message));',
        'app.listen(3000, () => console.log("listening"));',
      ].join('\n'),
    });
    const run = t.start(['node', 'api.js']);
    await until(() => t.stdout.text !== '');
    const one = await t.request(3000, 'GET', '/goals/42?sort=asc');
    expect([one.status, one.headers['content-type'], text(one)]).toEqual([200, 'application/json; charset=utf-8', '{"id":"42","q":"asc"}']);
    const created = await t.request(3000, 'POST', '/goals', '{"text":"learn"}', { 'content-type': 'application/json', 'content-length': '16' });
    expect([created.status, text(created)]).toEqual([201, '{"created":"learn"}']);
    const gone = await t.request(3000, 'DELETE', '/goals/1');
    expect(gone.status).toBe(204);
    const fail = await t.request(3000, 'GET', '/fail');
    expect([fail.status, text(fail)]).toEqual([500, 'handled: kaputt']);
    t.killed.cancel();
    await run;
  });

  it('without node_modules: Cannot find module; an installed package Slipway lacks: a clear message', async () => {
    const t = nodeHarness({ '/app/server.js': GOALS_APP });
    expect(await t.start(['node', 'server.js'])).toBe(1);
    expect(t.stderr.text).toContain("Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js\n");
    const u = nodeHarness({ ...installed(), '/app/d.js': 'require("debug")\n' });
    expect(await u.start(['node', 'd.js'])).toBe(1);
    expect(u.stderr.text).toContain("Error: Slipway: the package 'debug' is installed but not available in this simulated Node runtime\n");
  });
});

describe('fetch', () => {
  it('reaches a server on the container loopback and fails like undici elsewhere', async () => {
    const t = nodeHarness({
      '/app/f.js': [
        'const server = require("http").createServer((req, res) => { res.setHeader("content-type", "application/json"); res.end(JSON.stringify({ path: req.url, method: req.method })); });',
        'server.listen(3000, async () => {',
        '  const r = await fetch("http://localhost:3000/health?x=1", { method: "post", body: "hi" });',
        '  console.log(r.status, r.ok, r.headers.get("content-type"), await r.json());',
        '  try { await fetch("http://localhost:4000/"); } catch (e) { console.log(e.message, e.cause.code); }',
        '  try { await fetch("http://api.example.com/"); } catch (e) { console.log(e.message, e.cause.message); }',
        '  await new Promise((done) => require("http").get("http://localhost:3000/via-get", (res) => { let b = ""; res.on("data", (c) => b += c); res.on("end", () => { console.log(res.statusCode, b); done(); }); }));',
        '  await new Promise((done) => require("http").get({ port: 4000, path: "/" }).on("error", (e) => { console.log(e.message, e.code); done(); }));',
        '  server.close();',
        '});',
      ].join('\n'),
    });
    expect(await t.start(['node', 'f.js'])).toBe(0);
    expect(t.stderr.text).toBe('');
    expect(t.stdout.text).toBe("200 true application/json { path: '/health?x=1', method: 'POST' }\nfetch failed ECONNREFUSED\nfetch failed getaddrinfo ENOTFOUND api.example.com\n" +
        '200 {"path":"/via-get","method":"GET"}\nconnect ECONNREFUSED 127.0.0.1:4000 ECONNREFUSED\n');
  });
});
