// Steady local chat page. Talks to the local-mode JSON API (see README, "Local mode"):
//   GET  /api/local/patients                      -> [{id, name, locale}]
//   POST /api/local/patients                      -> 201 {id, name, locale}
//   POST /api/local/patients/{id}/messages        {text}  -> 202
//   POST /api/local/patients/{id}/buttons         {data}  -> 202
//   GET  /api/local/patients/{id}/messages?after=REV&wait=S -> {messages: [...], rev}
//        (held up to S seconds until something new is there: long polling)
// All text from the server is put into the page with textContent, never innerHTML.
// The chosen patient lives in the URL hash (#patient=ID), so two tabs can be two patients.
(function () {
  'use strict';

  var WAIT_S = 25;       // long poll: the server answers as soon as there is something new
  var HIDDEN_PAUSE_MS = 3000;
  var RETRY_MS = 700;
  var API = '/api/local/patients';
  var LANGUAGES = { en: 'English', es: 'Español' };
  var TICKS = /^\s*(✓|✔|☑|✅)\s*/;

  var el = function (id) { return document.getElementById(id); };
  var ui = {
    list: el('patient-list'), empty: el('patient-empty'), form: el('new-patient'),
    name: el('new-name'), locale: el('new-locale'), title: el('chat-title'), sub: el('chat-sub'),
    welcome: el('welcome'), messages: el('messages'), composer: el('composer'),
    text: el('composer-text'), send: el('send'), status: el('status'), error: el('error')
  };

  var state = { patients: [], patientId: null, rev: 0, nodes: new Map(), timer: null,
    polling: false, generation: 0, failures: 0 };

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }

  function request(method, url, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      return res.text().then(function (raw) {
        var data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && data.error ? data.error : 'The server answered ' + res.status + '.';
          var err = new Error(msg);
          err.status = res.status;
          throw err;
        }
        return data;
      });
    });
  }

  function showError(message) {
    if (!message) { ui.error.hidden = true; ui.error.textContent = ''; return; }
    ui.error.textContent = message;
    ui.error.hidden = false;
  }

  // ---- patients ---------------------------------------------------------------------------

  function patientFromUrl() {
    var m = /(?:^|[#&])patient=([^&]+)/.exec(location.hash) ||
            /[?&]patient=([^&]+)/.exec(location.search);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function loadPatients() {
    return request('GET', API).then(function (list) {
      state.patients = Array.isArray(list) ? list : [];
      renderPatients();
    }).catch(function (e) { showError('Could not load patients: ' + e.message); });
  }

  function renderPatients() {
    ui.list.replaceChildren();
    state.patients.forEach(function (p) {
      var li = node('li');
      var a = node('a');
      a.href = '#patient=' + encodeURIComponent(p.id);
      a.dataset.patientId = p.id;
      a.appendChild(node('span', 'name', p.name || 'Unnamed patient'));
      var loc = node('span', 'locale', p.locale || '');
      loc.setAttribute('aria-label', 'language ' + (p.locale || 'unknown'));
      a.appendChild(loc);
      if (p.id === state.patientId) a.setAttribute('aria-current', 'true');
      li.appendChild(a);
      ui.list.appendChild(li);
    });
    ui.empty.hidden = state.patients.length > 0;
    var current = currentPatient();
    if (state.patientId) {
      ui.title.textContent = current ? (current.name || 'Unnamed patient') : 'Patient';
      var locale = (current && current.locale) || '';
      ui.sub.textContent = 'You are chatting as this patient. Language: ' +
        (LANGUAGES[locale] || locale || 'not set') + '.';
    }
  }

  function currentPatient() {
    return state.patients.find(function (p) { return p.id === state.patientId; }) || null;
  }

  ui.form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { locale: ui.locale.value };
    var name = ui.name.value.trim();
    if (name) body.name = name;
    var button = el('new-submit');
    button.disabled = true;
    request('POST', API, body).then(function (p) {
      ui.name.value = '';
      showError(null);
      state.patients = state.patients.filter(function (x) { return x.id !== p.id; }).concat([p]);
      location.hash = 'patient=' + encodeURIComponent(p.id);
    }).catch(function (e) {
      showError('Could not create the patient: ' + e.message);
    }).then(function () { button.disabled = false; });
  });

  // ---- conversation -----------------------------------------------------------------------

  function openPatient(id) {
    state.generation++;
    clearTimeout(state.timer);
    state.polling = false;
    state.pollAgain = false;
    state.patientId = id;
    state.rev = 0;
    state.nodes.clear();
    ui.messages.replaceChildren();
    showError(null);
    var open = !!id;
    ui.welcome.hidden = open;
    ui.messages.hidden = !open;
    ui.composer.hidden = !open;
    document.body.classList.toggle('has-patient', open);
    if (!open) {
      ui.title.textContent = 'Welcome';
      ui.sub.textContent = 'Create a patient or pick one to start chatting.';
      renderPatients();
      return;
    }
    renderPatients();
    if (!currentPatient()) loadPatients();
    poll();
    ui.text.focus();
  }

  function schedule(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(poll, delay);
  }

  function poll() {
    var id = state.patientId;
    if (!id) return;
    if (state.polling) { state.pollAgain = true; return; }
    state.polling = true;
    var generation = state.generation;
    var url = API + '/' + encodeURIComponent(id) + '/messages?after=' + state.rev +
      '&wait=' + (document.hidden ? 0 : WAIT_S);
    request('GET', url).then(function (data) {
      if (generation !== state.generation) return;
      state.failures = 0;
      ui.status.textContent = '';
      (data.messages || []).forEach(upsert);
      if (typeof data.rev === 'number' && data.rev > state.rev) state.rev = data.rev;
    }).catch(function (e) {
      if (generation !== state.generation) return;
      if (e.status === 404) {
        state.generation++; // stop polling a patient that no longer exists
        state.polling = false;
        showError(e.message + ' Pick or create another patient.');
        loadPatients();
        return;
      }
      state.failures++;
      ui.status.textContent = 'Cannot reach Steady (' + e.message + ') — retrying…';
    }).then(function () {
      if (generation !== state.generation) return; // a newer poll owns the flags now
      state.polling = false;
      var again = state.pollAgain;
      state.pollAgain = false;
      // the next long poll starts at once; a hidden tab asks now and then without waiting, and
      // a failing server is retried with a growing pause
      var pause = state.failures ? RETRY_MS * Math.min(1 + state.failures, 8)
        : document.hidden ? HIDDEN_PAUSE_MS : 0;
      schedule(again ? 0 : pause);
    });
  }

  function upsert(m) {
    var stick = nearBottom();
    var existing = state.nodes.get(m.id);
    var fresh = renderMessage(m);
    if (existing) {
      existing.replaceWith(fresh);
    } else {
      ui.messages.appendChild(fresh);
    }
    state.nodes.set(m.id, fresh);
    if (stick || !existing) ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function nearBottom() {
    var m = ui.messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  }

  function renderMessage(m) {
    var out = m.direction !== 'in';
    var text = m.text || '';
    var li = node('li', 'msg ' + (out ? 'out' : 'in'));
    if (!out && text.charAt(0) === '/') li.classList.add('command');
    li.dataset.id = m.id;
    var bubble = node('div', 'bubble', text);
    li.appendChild(bubble);
    var rows = Array.isArray(m.buttons) ? m.buttons : [];
    if (rows.length) li.appendChild(renderKeyboard(m, rows));
    var meta = node('span', 'meta', (out ? 'Steady' : 'You') + timeOf(m.at));
    li.insertBefore(meta, bubble);
    return li;
  }

  function renderKeyboard(m, rows) {
    var list = rows.length >= 6 && rows.every(function (r) { return (r || []).length === 1; });
    var kb = node('div', 'keyboard' + (list ? ' list' : '') + (m.closed ? ' closed' : ''));
    kb.setAttribute('role', 'group');
    kb.setAttribute('aria-label', m.closed ? 'Answered' : 'Answer options');
    rows.forEach(function (row) {
      var r = node('div', 'row');
      (row || []).forEach(function (b) {
        var btn = node('button', null, b.label);
        btn.type = 'button';
        btn.dataset.data = b.data;
        var ticked = TICKS.test(b.label || '');
        if (ticked) btn.setAttribute('aria-pressed', 'true');
        if (m.closed) {
          btn.disabled = true;
          if (ticked || isChosen(m, b.label)) {
            btn.classList.add('chosen');
            btn.setAttribute('aria-label', plain(b.label) + ' (your answer)');
          }
        } else {
          btn.addEventListener('click', function () { press(btn, b.data); });
        }
        r.appendChild(btn);
      });
      kb.appendChild(r);
    });
    if (m.closed) {
      var chosenShown = rows.some(function (row) {
        return (row || []).some(function (b) { return isChosen(m, b.label) || TICKS.test(b.label || ''); });
      });
      if (!chosenShown) {
        var note = m.chosen ? 'Answered: ' + m.chosen : 'This question is closed.';
        var wrap = node('div');
        wrap.appendChild(kb);
        wrap.appendChild(node('span', 'closed-note', note));
        return wrap;
      }
    }
    return kb;
  }

  function plain(label) { return String(label || '').replace(TICKS, ''); }

  function isChosen(m, label) {
    return m.chosen !== null && m.chosen !== undefined && plain(label) === plain(m.chosen);
  }

  function timeOf(at) {
    if (!at) return '';
    var d = new Date(at);
    if (isNaN(d.getTime())) return '';
    return ' · ' + d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function press(btn, data) {
    if (!state.patientId || btn.classList.contains('pending')) return;
    btn.classList.add('pending');
    btn.setAttribute('aria-busy', 'true');
    var url = API + '/' + encodeURIComponent(state.patientId) + '/buttons';
    request('POST', url, { data: data }).then(function () {
      showError(null);
      poll();
    }).catch(function (e) {
      btn.classList.remove('pending');
      btn.removeAttribute('aria-busy');
      showError(e.message);
    });
  }

  function sendText(text) {
    text = text.trim();
    if (!text || !state.patientId) return Promise.resolve();
    ui.send.disabled = true;
    var url = API + '/' + encodeURIComponent(state.patientId) + '/messages';
    return request('POST', url, { text: text }).then(function () {
      showError(null);
      poll();
    }).catch(function (e) {
      showError(e.message);
      throw e;
    }).finally(function () { ui.send.disabled = false; });
  }

  ui.composer.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = ui.text.value;
    sendText(text).then(function () {
      if (ui.text.value === text) ui.text.value = '';
      autosize();
    }).catch(function () { /* kept in the box so the patient can retry */ });
    ui.text.focus();
  });

  ui.text.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      ui.composer.requestSubmit();
    }
  });

  function autosize() {
    ui.text.style.height = 'auto';
    ui.text.style.height = Math.min(ui.text.scrollHeight + 2, 144) + 'px';
  }
  ui.text.addEventListener('input', autosize);

  Array.prototype.forEach.call(document.querySelectorAll('.chip'), function (chip) {
    chip.addEventListener('click', function () {
      sendText(chip.dataset.command).catch(function () {});
    });
  });

  window.addEventListener('hashchange', function () {
    var id = patientFromUrl();
    if (id !== state.patientId) openPatient(id);
  });

  // another tab may have created patients meanwhile; a tab shown again catches up at once
  window.addEventListener('focus', loadPatients);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && state.patientId) poll();
  });

  loadPatients().then(function () { openPatient(patientFromUrl()); });
})();
