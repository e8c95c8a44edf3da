// Drives the local chat page as two patients in headless chromium, like a newcomer would:
// create a patient, finish onboarding and a daily check-in with buttons and typing, then a second
// patient in a second tab. Run by LocalChatPageE2E; by hand:
//   BASE_URL=http://127.0.0.1:8080 node chat.e2e.js
// Env: BASE_URL (required), CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default ./screenshots).
// Prints progress lines, and last a line `RESULT {"ana": id, "ben": id}`; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const { chromium } = require('playwright-core');
const { answerButtons, answerText } = require('./answers');

const BASE = (process.env.BASE_URL || '').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.resolve(process.env.SCREENSHOTS || 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function log(msg) { console.log('[chat.e2e] ' + msg); }

async function api(pathname, init) {
  const res = await fetch(BASE + pathname, init);
  const raw = await res.text();
  return { status: res.status, body: raw ? JSON.parse(raw) : null };
}

async function transcript(id) {
  const r = await api('/api/local/patients/' + encodeURIComponent(id) + '/messages?after=0');
  assert.equal(r.status, 200, 'reading the transcript answered ' + r.status);
  return r.body.messages;
}

/** Waits until the conversation on the page has stopped changing (the bot has answered). */
async function settle(page, quietMs = 1500, maxMs = 20000) {
  const sig = () => page.evaluate(() => {
    const m = document.getElementById('messages');
    return m.children.length + ':' + m.innerHTML.length;
  });
  const start = Date.now();
  let last = await sig();
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await page.waitForTimeout(250);
    const now = await sig();
    if (now !== last) { last = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return;
  }
  throw new Error('the conversation kept changing for ' + maxMs + ' ms');
}

/**
 * Answers whatever the bot asks until nothing is open: presses a button of the newest open
 * keyboard, or types into the box when the newest bot message asks without buttons.
 */
async function converse(page, who, label, maxTurns = 40) {
  const typedTo = new Set();
  for (let turn = 0; turn < maxTurns; turn++) {
    await settle(page);
    const open = page.locator('.msg.out .keyboard:not(.closed)').last();
    if (await open.count()) {
      const msg = open.locator('xpath=ancestor::li[contains(@class,"msg")]');
      const question = await msg.locator('.bubble').innerText();
      const labels = await open.locator('button').allInnerTexts();
      const choice = answerButtons(question, labels, who);
      log(`${label}: "${oneLine(question)}" -> press [${choice}]`);
      await open.locator('button', { hasText: choice }).first().click();
      continue;
    }
    const last = page.locator('#messages > li').last();
    const out = await last.evaluate(n => n.classList.contains('out'));
    const id = await last.getAttribute('data-id');
    const text = await last.locator('.bubble').innerText();
    const reply = out && !typedTo.has(id) ? answerText(text, who) : null;
    if (reply !== null) {
      typedTo.add(id);
      log(`${label}: "${oneLine(text)}" -> type "${reply}"`);
      await page.fill('#composer-text', reply);
      await page.keyboard.press('Enter');
      continue;
    }
    log(`${label}: done after ${turn} turns; last bot message "${oneLine(text)}"`);
    return;
  }
  throw new Error(label + ' did not finish within ' + maxTurns + ' turns');
}

function oneLine(s) { return s.replace(/\s+/g, ' ').slice(0, 90); }

async function createPatient(page, name, locale) {
  await page.fill('#new-name', name);
  await page.selectOption('#new-locale', locale);
  await page.click('#new-submit');
  await page.waitForFunction(() => /patient=/.test(location.hash));
  const id = decodeURIComponent(/patient=([^&]+)/.exec(await page.evaluate(() => location.hash))[1]);
  await page.waitForSelector('#messages > li.out', { timeout: 60000 });
  log(`created ${name} (${locale}) as ${id}`);
  return id;
}

function watchErrors(page, errors, label) {
  page.on('pageerror', e => errors.push(label + ': ' + e.message));
  page.on('console', m => { if (m.type() === 'error') errors.push(label + ': ' + m.text()); });
}

async function main() {
  if (!BASE) throw new Error('BASE_URL is not set');
  if (!fs.existsSync(CHROMIUM)) throw new Error(CHROMIUM + ' is missing: run .ci/run to install chromium');
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 820 } });
    const tab1 = await context.newPage();
    watchErrors(tab1, errors, 'tab1');
    await tab1.goto(BASE + '/');
    await tab1.waitForSelector('#new-patient');
    assert.match(await tab1.locator('#mode-note').innerText(), /Local mode/);
    await tab1.screenshot({ path: path.join(SHOTS, '01-welcome.png') });

    // Patient 1: onboarding, then a daily check-in from the quick command chip.
    const ana = await createPatient(tab1, 'Ana', 'en');
    await converse(tab1, { name: 'Ana', locale: 'en' }, 'onboarding');
    await tab1.screenshot({ path: path.join(SHOTS, '02-onboarding-done.png') });
    await tab1.click('.chip[data-command="/checkin"]');
    await tab1.waitForSelector('.msg.in.command >> text=/checkin');
    await converse(tab1, { name: 'Ana', locale: 'en' }, 'check-in');
    // the end of the check-in as the patient sees it, before scrolling back to the ticks
    await tab1.screenshot({ path: path.join(SHOTS, '03-checkin-done.png'), fullPage: true });
    const ticked = tab1.locator('.keyboard button[aria-pressed="true"]');
    if (await ticked.count()) {
      await ticked.last().scrollIntoViewIfNeeded();
      await tab1.screenshot({ path: path.join(SHOTS, '03a-checkin-ticks.png') });
    }

    const anaMessages = await transcript(ana);
    const inbound = anaMessages.filter(m => m.direction === 'in').map(m => m.text);
    assert.ok(inbound.includes('/checkin'), 'the /checkin command is in the transcript');
    const answered = anaMessages.filter(m => m.buttons && m.buttons.length && m.closed);
    assert.ok(answered.length >= 2, 'at least two button questions were answered and closed');
    assert.ok(answered.some(m => m.chosen), 'a closed question shows the chosen answer');
    assert.equal(anaMessages.filter(m => m.buttons && m.buttons.length && !m.closed).length, 0,
      'no question is left open after the check-in');
    const closedOnPage = await tab1.locator('.keyboard.closed').count();
    assert.ok(closedOnPage >= 2, 'answered keyboards are shown closed on the page');
    assert.equal(await tab1.locator('.keyboard.closed button:not([disabled])').count(), 0,
      'closed keyboards cannot be pressed again');

    // Patient 2 in a second tab; patient text is shown as text, never as markup.
    const tab2 = await context.newPage();
    watchErrors(tab2, errors, 'tab2');
    await tab2.goto(BASE + '/');
    const ben = await createPatient(tab2, 'Ben', 'es');
    assert.notEqual(ben, ana);
    await converse(tab2, { name: 'Ben', locale: 'es' }, 'onboarding (es)');
    const markup = '<b>hola</b> <img src=x onerror="window.__owned=1">';
    await tab2.fill('#composer-text', markup);
    await tab2.click('#send');
    const bubble = tab2.locator('.msg.in .bubble', { hasText: 'hola' }).last();
    await bubble.waitFor();
    assert.equal(await bubble.innerText(), markup, 'patient text is shown as typed');
    assert.equal(await tab2.locator('.msg b, .msg img').count(), 0, 'patient text is not parsed as HTML');
    assert.equal(await tab2.evaluate(() => window.__owned), undefined, 'no script from patient text ran');
    await tab2.click('.chip[data-command="/help"]');
    await settle(tab2);
    // picking a patient from the list switches the conversation in place, and back
    await tab2.click(`#patient-list a[data-patient-id="${ana}"]`);
    await tab2.waitForSelector('.msg.in.command >> text=/checkin');
    assert.equal(await tab2.locator('.msg .bubble', { hasText: 'hola' }).count(), 0);
    await tab2.click(`#patient-list a[data-patient-id="${ben}"]`);
    await tab2.locator('.msg.in .bubble', { hasText: 'hola' }).last().waitFor();
    await settle(tab2);
    await tab2.screenshot({ path: path.join(SHOTS, '04-second-patient.png') });

    // The first tab still shows only Ana's conversation and keeps polling on its own.
    await tab1.bringToFront();
    assert.match(await tab1.evaluate(() => location.hash), new RegExp('patient=' + ana));
    assert.equal(await tab1.locator('.msg .bubble', { hasText: 'hola' }).count(), 0,
      'the first tab does not show the second patient\'s messages');
    await tab1.click('.chip[data-command="/help"]');
    await tab1.waitForFunction(() =>
      [...document.querySelectorAll('.msg.in .bubble')].filter(b => b.textContent === '/help').length === 1);
    await settle(tab1);
    const benMessages = await transcript(ben);
    assert.ok(benMessages.some(m => m.direction === 'in' && m.text === markup), 'Ben\'s text is stored');
    assert.ok(!(await transcript(ana)).some(m => m.text === markup), 'Ana\'s transcript has none of Ben\'s text');

    // Small screens: the same page stacks the patient list above the chat.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const tab3 = await phone.newPage();
    watchErrors(tab3, errors, 'phone');
    await tab3.goto(BASE + '/#patient=' + encodeURIComponent(ana));
    await tab3.waitForSelector('#messages > li');
    await settle(tab3);
    await tab3.screenshot({ path: path.join(SHOTS, '05-phone.png') });
    const overflow = await tab3.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, 'the page does not scroll sideways on a phone (overflow ' + overflow + ' px)');

    assert.deepEqual(errors, [], 'the browser console shows no errors');
    console.log('RESULT ' + JSON.stringify({ ana, ben }));
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  console.error('[chat.e2e] FAILED: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
