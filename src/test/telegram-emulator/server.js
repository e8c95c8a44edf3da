// Starts telegram-test-api with a thin wrapper so that TelegramBots (Java) can talk to it:
//  - getMe gets is_bot (the library requires it),
//  - message dates go out in seconds (the emulator uses milliseconds, which overflow an Integer),
//  - null results (editMessageReplyMarkup, answerCallbackQuery) become true,
//  - getUpdates is held until a user update arrives or `timeout` passes (real long polling),
//  - sendPhoto (multipart) and setMyCommands/deleteMyCommands/setWebhook-with-secret are answered.
// Usage: node server.js [port]   (0 or nothing: a free port). Prints "LISTENING <port>".
'use strict';
const TelegramServer = require('telegram-test-api');

const server = new TelegramServer({ port: 1, host: '127.0.0.1', storage: 'RAM' });
server.config.port = Number(process.argv[2] || 0); // the emulator turns 0 into 9000 otherwise
const app = server.webServer;
const stack = app._router.stack;
const before = stack.length;

const asSeconds = (d) => (typeof d === 'number' && d > 1e11 ? Math.floor(d / 1000) : d);
function fixMessage(m) {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return m;
  const out = { ...m, date: asSeconds(m.date) };
  delete out.chat_id;
  return out;
}

app.use((req, res, next) => {
  if (!req.path.startsWith('/bot')) return next();
  const json = res.json.bind(res);
  res.json = (body) => {
    if (body && body.ok === true) {
      let r = body.result;
      if (r === null || r === undefined) r = true;
      else if (/\/getme$/i.test(req.path)) r = { ...r, is_bot: true };
      else if (!Array.isArray(r)) r = fixMessage(r);
      body = { ...body, result: r };
    }
    return json(body);
  };
  next();
});

app.all('/bot:token/getUpdates', (req, res, next) => {
  const token = req.params.token;
  const timeout = Number((req.body && req.body.timeout) || req.query.timeout || 0);
  const deadline = Date.now() + Math.min(timeout, 50) * 1000;
  const waiting = () => server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
  const check = () => {
    if (waiting() || Date.now() >= deadline || !server.started || req.socket.destroyed) next();
    else setTimeout(check, 20);
  };
  check();
});

app.post('/bot:token/sendPhoto', (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('latin1');
    const field = (name) => {
      const m = raw.match(new RegExp(`name="${name}"[^\\r]*\\r\\n(?:[^\\r]+\\r\\n)*\\r\\n([^\\r]*)`));
      return m ? Buffer.from(m[1], 'latin1').toString('utf8') : undefined;
    };
    const chatId = field('chat_id') || (req.body && req.body.chat_id);
    const caption = field('caption') || '';
    const msg = server.addBotMessage({ chat_id: chatId, text: caption, photo: [{ file_id: 'p' }] },
      req.params.token);
    res.json({ ok: true, result: fixMessage({ ...msg, photo: [{ file_id: 'p', file_unique_id: 'p',
      width: 1, height: 1 }] }) });
  });
});

for (const method of ['setMyCommands', 'deleteMyCommands', 'setChatMenuButton', 'close', 'logOut']) {
  app.all(`/bot:token/${method}`, (req, res) => res.json({ ok: true, result: true }));
}

// move our layers in front of the emulator's routes (just after its body parsers and logger)
const ours = stack.splice(before);
const at = stack.findIndex((l) => l.name === 'requestLogger') + 1;
stack.splice(at, 0, ...ours);

server.start().then(() => {
  process.stdout.write(`LISTENING ${server.server.address().port}\n`);
});
const stop = () => server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop); // the Java test closes our stdin when it ends
process.stdin.resume();
