// How the test patient answers the bot: calm, safe answers (no red flags), so that onboarding and
// a check-in run to their normal end. Works from what is on screen, in English or Spanish.
'use strict';

const TICK = /^\s*(✓|✔|☑|✅)\s*/;
const DONE = /^(done|listo|hecho|terminado|continue|continuar)$/i;
const NONE = /(none|nothing|ninguno|ninguna|nada)/i;
const HARM = /(harm|hurt yourself|suicid|end your life|ending your life|kill|hacerte daño|suicid|quitarte la vida)/i;
const SAFE_Q = /(are you safe|feel safe|a salvo|estás segur)/i;
const NO = /^(no|not really|no,|nope|no\b)/i;
const YES = /^(estoy de acuerdo|yes|sí|si|ok|okay|i agree|agree|acepto|de acuerdo|start|empezar|comenzar|let's|vamos|got it|entendido|sure|claro|as planned|como estaba previsto|continue|continuar|next|siguiente)/i;
const SKIP = /(skip|omitir|saltar|not now|ahora no|later|más tarde)/i;

function clean(label) { return label.replace(TICK, '').trim(); }

const LANGUAGE = { en: /^english$/i, es: /^español$/i };

/** Picks the label to press from the buttons under a question, as patient {@code who}. */
function answerButtons(question, labels, who) {
  const plain = labels.map(clean);
  const pick = re => labels[plain.findIndex(l => re.test(l))];
  const language = who && LANGUAGE[who.locale] && pick(LANGUAGE[who.locale]);
  if (language) return language;
  const numbers = plain.filter(l => /^\d+$/.test(l));
  const hasDone = plain.some(l => DONE.test(l));
  if (hasDone && plain.length > 1) {
    // multi-select: tick "none of these" once, then Done
    const ticked = labels.some(l => TICK.test(l));
    const none = pick(NONE);
    if (!ticked && none) return none;
    return pick(DONE);
  }
  if (numbers.length >= 3) {
    // a 0-10 style scale: a middle-good value
    return labels[plain.indexOf(numbers[Math.floor(numbers.length * 0.6)])];
  }
  if (HARM.test(question)) return pick(NO) || pick(NONE) || labels[labels.length - 1];
  if (SAFE_Q.test(question)) return pick(YES) || labels[0];
  if (/^(none|nada|ninguno|0)/i.test(plain[0]) && plain.length >= 3) return labels[0]; // levels
  const none = pick(/^(none|nothing|ninguno|nada)/i);
  if (none) return none;
  return pick(YES) || labels.find(l => !SKIP.test(clean(l))) || labels[0];
}

/**
 * What to type when the bot's newest message has no buttons, or null when it does not seem to
 * wait for an answer (no question mark; or no known prompt and no question mark at the end).
 */
function answerText(question, who) {
  const q = question.toLowerCase();
  if (!q.includes('?')) return null;
  const asks = /\?["”»)]?\s*$/.test(q.trim());
  if (/(time zone|timezone|zona horaria|city|ciudad)/.test(q)) return 'Europe/Madrid';
  if (/(what time|which time|qué hora|a qué hora|hh:mm|time of day)/.test(q)) return '09:00';
  if (/(how many|hours|horas|cuántas|number|número)/.test(q)) return '7';
  if (/(name|call you|llame|llamarte|nombre)/.test(q)) return who.name;
  if (!asks) return null;
  return /(¿|qué|cómo)/.test(q) ? 'Hoy estoy tranquila, gracias.' : 'Feeling steady today, thanks.';
}

module.exports = { answerButtons, answerText };
