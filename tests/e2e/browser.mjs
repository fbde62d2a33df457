#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The "system browser" of the end-to-end tests: set as RINGCHAT_BROWSER, it is
// started by the app with the authorization URL as its last argument, opens it
// in Debian's Chromium (headless, fresh profile) and acts like the user.
//
//   node browser.mjs [--mode M] [--user U] [--password P] [--report FILE] URL
//
// Modes:
//   login           fill in login and password, submit, wait for the app's page
//   wrong-password  submit a wrong password first and report the error shown; then wait
//                   until FILE.go exists and sign in with the right password
//   wait            open the login page, report it, and wait until the app's loopback
//                   listener goes away (the user cancelled in the app)
// Progress goes to FILE as JSON lines. Nothing secret is written (no URLs with
// codes, no cookies); the process exits after at most 120 s whatever happens.
import { chromium } from 'playwright-core';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const url = args.pop();
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const mode = option('mode', 'login');
const user = option('user', 'alice');
const password = option('password', 'ring-demo');
const reportFile = option('report', '');
const executablePath = process.env.RINGCHAT_CHROMIUM || '/usr/bin/chromium';

function report(event, fields = {}) {
  const line = JSON.stringify({ event, time: new Date().toISOString(), ...fields });
  if (reportFile) appendFileSync(reportFile, line + '\n');
  else process.stderr.write(line + '\n');
}

const deadline = setTimeout(() => {
  report('gave-up', { reason: 'timeout' });
  process.exit(3);
}, 120_000);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function portIsOpen(port) {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

async function submitLogin(page, pass) {
  await page.waitForSelector('input[name="login"]', { timeout: 30_000 });
  await page.fill('input[name="login"]', user);
  await page.fill('input[name="password"]', pass);
  await Promise.all([
    page.waitForNavigation({ timeout: 30_000 }).catch(() => {}),
    page.click('button[type="submit"], input[type="submit"]'),
  ]);
}

async function waitForAppPage(page) {
  const result = await page.waitForSelector('#result', { timeout: 30_000 });
  report('app-page', {
    success: (await result.getAttribute('data-success')) === 'true',
    text: (await result.textContent()).trim(),
  });
}

let context;
let page;
// Where the browser is, without query or fragment (they may hold codes).
const where = () => { try { const u = new URL(page.url()); return u.origin + u.pathname; } catch { return ''; } };
const profile = mkdtempSync(join(tmpdir(), 'ringchat-chromium-'));
let exitCode = 0;
try {
  if (!url || !/^https?:\/\//.test(url)) throw new Error('the last argument must be the authorization URL');
  const redirect = new URL(new URL(url).searchParams.get('redirect_uri'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || await context.newPage();
  await page.goto(url, { timeout: 30_000 });
  report('opened', { title: await page.title() });

  if (mode === 'login') {
    await submitLogin(page, password);
    await waitForAppPage(page);
  } else if (mode === 'wrong-password') {
    await submitLogin(page, `${password}-wrong`);
    const error = await page.waitForSelector('.error, [role="alert"]', { timeout: 30_000 });
    report('login-error', {
      text: (await error.textContent()).trim(),
      stillOnLoginPage: (await page.$('input[name="password"]')) !== null,
    });
    while (!existsSync(`${reportFile}.go`)) await sleep(100);
    await submitLogin(page, password);
    await waitForAppPage(page);
  } else if (mode === 'wait') {
    await page.waitForSelector('input[name="login"]', { timeout: 30_000 });
    report('login-page');
    while (await portIsOpen(Number(redirect.port))) await sleep(200);
    report('listener-closed');
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} catch (e) {
  const text = page ? (await page.textContent('body').catch(() => '')) : '';
  report('error', { message: String(e && e.message ? e.message : e).split('\n')[0], at: page ? where() : '', page: (text || '').trim().slice(0, 300) });
  exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  clearTimeout(deadline);
  report('closed', { exitCode });
}
process.exit(exitCode);
