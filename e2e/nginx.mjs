// deploy/nginx.conf, run as a site would run it: filled in with envsubst as
// its header says, included by a main configuration of its own in a temp
// folder (prefix, pid, temp paths), on a free loopback port, as whoever runs
// the tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
const NGINX = '/usr/sbin/nginx';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf with `values` filled in by envsubst, given only their names. */
function fill(values) {
  const names = Object.keys(values).map((name) => `\${${name}}`).join(' ');
  const filled = spawnSync('envsubst', [names], {
    input: readFileSync(TEMPLATE), env: { ...process.env, ...values }, encoding: 'utf8',
  });
  if (filled.status !== 0) throw new Error(`envsubst failed: ${filled.stderr ?? filled.error}`);
  const left = filled.stdout.match(/\$\{ISAO_DEALS_\w+\}/g);
  if (left) throw new Error(`deploy/nginx.conf names values the test does not fill: ${left.join(', ')}`);
  return filled.stdout;
}

/**
 * Starts nginx with deploy/nginx.conf serving the pages of `siteRoot` and the
 * widget's files from `kit`, forwarding /isao/api/deals to `api` (an origin)
 * with `key`. Returns `{ origin, stop }`.
 */
export async function startNginx({ siteRoot, kit, api, key }) {
  const dir = mkdtempSync(join(tmpdir(), 'isao-nginx-'));
  const port = await freePort();
  const keyFile = join(dir, 'api-key.conf');
  writeFileSync(keyFile, `set $isao_deals_api_key "${key}";\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'isao-deals.conf'), fill({
    ISAO_DEALS_LISTEN: `127.0.0.1:${port}`,
    ISAO_DEALS_SERVER_NAME: 'localhost',
    ISAO_DEALS_SITE_ROOT: siteRoot,
    ISAO_DEALS_KIT: kit,
    ISAO_DEALS_API: api,
    ISAO_DEALS_KEY_FILE: keyFile,
  }));
  // Started as root, nginx would hand its workers to nobody, who cannot
  // read this folder: they stay with whoever runs the tests.
  const user = process.getuid() === 0 ? `user ${userInfo().username};\n` : '';
  writeFileSync(join(dir, 'nginx.conf'), `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/isao-deals.conf;
}
`);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited before serving: ${log}`);
    }
    const answer = await fetch(`${origin}/isao/widget/isao-deals.js`).catch(() => null);
    if (answer?.ok) break;
    if (tries > 100) {
      await stop();
      throw new Error(`nginx did not serve the widget within 10 s: ${answer?.status} ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { origin, stop, log: () => log };
}
