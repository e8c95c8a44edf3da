// A tiny in-memory stand-in for the local-mode JSON API, for working on the page without the
// Java app: `node fake-server.js [port]` serves src/main/resources/static and a scripted bot.
// The real tests (LocalChatPageE2E) run chat.e2e.js against the real app, never against this.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const STATIC = path.resolve(__dirname, '../../main/resources/static');
const patients = new Map();
let rev = 0;
let seq = 0;

function say(p, text, buttons, question) {
  const m = { id: 'm' + (++seq), rev: ++rev, direction: 'out', text, buttons: buttons || [],
    closed: false, chosen: null, at: new Date().toISOString() };
  p.messages.push(m);
  p.question = question || null;
  p.open = buttons && buttons.length ? m : null;
}

function close(p, chosen) {
  if (p.open) { p.open.closed = true; p.open.chosen = chosen; p.open.rev = ++rev; p.open = null; }
}

const scale = [[0, 1, 2, 3, 4, 5].map(String), [6, 7, 8, 9, 10].map(String)]
  .map(r => r.map(n => ({ label: n, data: 'mood:' + n })));
const symptoms = ['Shaking', 'Poor sleep', 'None of these'];

function symptomKeyboard(p) {
  return [symptoms.map(s => ({ label: (p.ticks.has(s) ? '✓ ' : '') + s, data: 'sym:' + s })),
    [{ label: 'Done', data: 'sym:Done' }]];
}

function handle(p, input) {
  if (input.text === '/checkin') {
    close(p, null);
    say(p, 'How is your mood today, ' + p.name + '?', scale, 'mood');
  } else if (input.text === '/help') {
    say(p, 'Commands:\n/checkin — daily check-in\n/cope — coping help\n/help — this list');
  } else if (input.text === '/cope') {
    say(p, 'Paced breathing: in for 4, hold for 4, out for 6. You can skip this any time.');
  } else if (p.question === 'name' && input.text) {
    p.name = input.text;
    say(p, 'Nice to meet you, ' + p.name + '. Which time zone are you in?',
      [[{ label: 'Europe/Madrid', data: 'tz:Europe/Madrid' }, { label: 'America/New_York', data: 'tz:NY' }]], 'tz');
  } else if (p.question === 'tz' && input.data) {
    close(p, input.data === 'tz:NY' ? 'America/New_York' : 'Europe/Madrid');
    say(p, "You're all set. I'll check in daily at 09:00. Send /checkin to try it now.");
  } else if (p.question === 'mood' && input.data) {
    close(p, input.data.slice(5));
    p.ticks = new Set();
    say(p, 'Any of these today? Tick all that apply, then Done.', symptomKeyboard(p), 'sym');
  } else if (p.question === 'sym' && input.data) {
    const s = input.data.slice(4);
    if (s === 'Done') {
      close(p, [...p.ticks].join(', ') || 'None');
      say(p, 'Anything else you would like to note?', [], 'note');
    } else {
      p.ticks.has(s) ? p.ticks.delete(s) : p.ticks.add(s);
      p.open.buttons = symptomKeyboard(p);
      p.open.rev = ++rev;
    }
  } else if (p.question === 'note' && input.text) {
    say(p, 'Thank you. See you tomorrow.');
  } else if (input.text) {
    say(p, "I didn't catch that. Use the buttons, or send /help.");
  }
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function readBody(req) {
  return new Promise(resolve => {
    let raw = '';
    req.on('data', c => { raw += c; });
    req.on('end', () => { try { resolve(JSON.parse(raw || '{}')); } catch (e) { resolve(null); } });
  });
}

async function api(req, res, url) {
  const parts = url.pathname.split('/').filter(Boolean).slice(3); // after api/local/patients
  if (parts.length === 0 && req.method === 'GET') {
    return json(res, 200, [...patients.values()].map(p => ({ id: p.id, name: p.name, locale: p.locale })));
  }
  if (parts.length === 0 && req.method === 'POST') {
    const body = await readBody(req);
    if (!body) return json(res, 400, { error: 'The body is not valid JSON.' });
    const p = { id: 'p' + (patients.size + 1), name: body.name || 'Friend', locale: body.locale || 'en',
      messages: [], ticks: new Set() };
    patients.set(p.id, p);
    say(p, "Hi, I'm Steady. I'll keep you company during your taper. What should I call you?", [], 'name');
    return json(res, 201, { id: p.id, name: p.name, locale: p.locale });
  }
  const p = patients.get(parts[0]);
  if (!p) return json(res, 404, { error: 'There is no patient with that id.' });
  if (parts[1] === 'messages' && req.method === 'GET') {
    const after = Number(url.searchParams.get('after') || 0);
    return json(res, 200, { messages: p.messages.filter(m => m.rev > after), rev });
  }
  const body = await readBody(req);
  if (parts[1] === 'messages' && req.method === 'POST' && body && typeof body.text === 'string') {
    p.messages.push({ id: 'm' + (++seq), rev: ++rev, direction: 'in', text: body.text, buttons: [],
      closed: false, chosen: null, at: new Date().toISOString() });
    handle(p, { text: body.text });
    return json(res, 202);
  }
  if (parts[1] === 'buttons' && req.method === 'POST' && body && typeof body.data === 'string') {
    handle(p, { data: body.data });
    return json(res, 202);
  }
  return json(res, 400, { error: 'That request is not part of the local chat API.' });
}

const types = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/local/patients')) return api(req, res, url);
  const file = path.join(STATIC, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
  if (!file.startsWith(STATIC) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('fake local chat on http://127.0.0.1:' + server.address().port + '/');
});
