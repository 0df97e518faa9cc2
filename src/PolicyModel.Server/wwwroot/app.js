// The PolicyModel web page: builds the form from the service's vocabularies and jurisdictions, sends the request in
// the contract's JSON to /v1/decisions and shows the decision. No framework, no build step.
'use strict';

const SINGLE = [
  ['respondent', 'Agency asked', 'police'],
  ['requester', 'Who asks', 'ice-ero'],
  ['purpose', 'What the requester is enforcing', 'civil-immigration-enforcement'],
  ['assistance', 'What is asked', 'stop-or-arrest'],
  ['authority', 'Document presented', 'none'],
  ['location', 'Where the assistance would take place', 'other'],
];
const SETS = ['circumstances', 'subjectFacts'];
const OUTCOMES = {
  'denied': 'The agency must decline to assist. Declining never means obstructing.',
  'granted': 'The assistance is lawful ordinary police work and may be given.',
  'required': 'A controlling law obliges the agency to give the assistance.',
  'police-action': 'The request itself is not granted, but the circumstances call for ordinary police action confined to the crime or emergency.',
  'discretionary': 'No law in force decides it; agency policy does.',
  'refer': 'The facts given cannot decide it; escalate (for instance to the law department).',
};
const OBLIGATIONS = {
  'supervisor-to-scene': 'A supervisor must respond to the scene and decide.',
  'record-request': "Log the request and its outcome for the jurisdiction's reporting duty.",
  'inform-subject': 'Tell the person about the detainer.',
  'release-when-eligible': 'Release the person when otherwise eligible; do not hold for the requester.',
};

let zones = {};

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { 'Accept': 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function buildForm(jurisdictions, vocabularies) {
  const select = document.getElementById('jurisdiction');
  for (const j of jurisdictions) {
    zones[j.id] = j.timeZone;
    select.append(el('option', { value: j.id }, `${j.name} (${j.id})`));
  }
  select.value = jurisdictions.some(j => j.id === 'us-il-chicago') ? 'us-il-chicago' : jurisdictions[0].id;

  const choices = document.getElementById('choices');
  for (const [field, label, preferred] of SINGLE) {
    const values = vocabularies[field];
    const box = el('div', { class: 'field' });
    const s = el('select', { id: field, name: field, 'aria-describedby': `${field}-help` });
    for (const v of values) s.append(el('option', { value: v.value, title: v.meaning }, v.value));
    s.value = values.some(v => v.value === preferred) ? preferred : values[0].value;
    const help = el('p', { id: `${field}-help`, class: 'help' });
    const describe = () => { help.textContent = (values.find(v => v.value === s.value) || {}).meaning || ''; };
    s.addEventListener('change', describe);
    describe();
    box.append(el('label', { for: field }, label), s, help);
    choices.append(box);
  }

  for (const field of SETS) {
    const container = document.getElementById(field);
    for (const v of vocabularies[field]) {
      const id = `${field}-${v.value}`;
      const row = el('div', { class: 'check' });
      row.append(
        el('input', { type: 'checkbox', id, name: field, value: v.value, 'aria-describedby': `${id}-help` }),
        el('label', { for: id }, v.value),
        el('p', { id: `${id}-help`, class: 'help' }, v.meaning));
      container.append(row);
    }
  }
}

// The offset of a time zone at a local date and time, as +HH:MM, from the browser's own tz database.
function offsetOf(zone, date, time) {
  const guess = new Date(`${date}T${time}:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(guess).find(p => p.type === 'timeZoneName').value;
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] || '00'}` : 'Z';
}

function readForm() {
  const value = id => document.getElementById(id).value;
  const jurisdiction = value('jurisdiction');
  const date = value('date');
  const time = value('time') || '12:00';
  const request = { jurisdiction, receivedAt: `${date}T${time}:00${offsetOf(zones[jurisdiction] || 'UTC', date, time)}` };
  for (const [field] of SINGLE) request[field] = value(field);
  for (const field of SETS) {
    request[field] = [...document.querySelectorAll(`input[name="${field}"]:checked`)].map(c => c.value);
  }
  return { request, date, time };
}

function permalink(form) {
  const params = new URLSearchParams();
  params.set('jurisdiction', form.request.jurisdiction);
  params.set('date', form.date);
  params.set('time', form.time);
  for (const [field] of SINGLE) params.set(field, form.request[field]);
  for (const field of SETS) if (form.request[field].length) params.set(field, form.request[field].join(','));
  return `${location.pathname}?${params}`;
}

function fillFromQuery() {
  const params = new URLSearchParams(location.search);
  if (!params.has('jurisdiction')) return false;
  for (const id of ['jurisdiction', 'date', 'time', ...SINGLE.map(s => s[0])]) {
    const control = document.getElementById(id);
    if (params.has(id) && control) {
      control.value = params.get(id);
      control.dispatchEvent(new Event('change'));
    }
  }
  for (const field of SETS) {
    const chosen = (params.get(field) || '').split(',').filter(Boolean);
    for (const box of document.querySelectorAll(`input[name="${field}"]`)) box.checked = chosen.includes(box.value);
  }
  return true;
}

function list(id, items, describe) {
  const node = document.getElementById(id);
  node.replaceChildren();
  if (!items.length) { node.append(el('li', {}, '(none)')); return; }
  for (const item of items) {
    const li = el('li', {}, item);
    if (describe && describe[item]) li.append(document.createTextNode(`: ${describe[item]}`));
    node.append(li);
  }
}

function showDecision(decision, form) {
  document.getElementById('errors').hidden = true;
  document.getElementById('outcome').textContent = decision.outcome;
  document.getElementById('outcome-meaning').textContent = OUTCOMES[decision.outcome] || '';
  document.getElementById('explanation').textContent = decision.explanation;
  document.getElementById('effective-date').textContent = decision.effectiveDate;
  document.getElementById('chain').textContent = decision.jurisdictionChain.join(' > ');
  list('citations', decision.citations);
  list('obligations', decision.obligations, OBLIGATIONS);
  document.getElementById('rules').textContent = decision.decidingRules.join(', ') || '(none)';
  document.getElementById('digest').textContent = decision.policyDigest || '';
  document.getElementById('law-current').textContent = decision.lawCurrentTo ? `, law current to ${decision.lawCurrentTo}` : '';
  const link = permalink(form);
  document.getElementById('permalink').setAttribute('href', link);
  history.replaceState(null, '', link);
  const result = document.getElementById('result');
  result.hidden = false;
  document.getElementById('result-heading').focus({ preventScroll: true });
}

function showErrors(messages) {
  document.getElementById('result').hidden = true;
  const listNode = document.getElementById('error-list');
  listNode.replaceChildren(...messages.map(m => el('li', {}, m)));
  document.getElementById('errors').hidden = false;
}

async function decide(event) {
  if (event) event.preventDefault();
  const form = readForm();
  if (!form.date) { showErrors(['Choose a date.']); document.getElementById('date').focus(); return; }
  const button = document.getElementById('decide');
  button.disabled = true;
  try {
    const response = await fetch('v1/decisions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(form.request),
    });
    const body = await response.json();
    if (response.ok) showDecision(body, form);
    else showErrors((body.errors || []).map(e => `${e.code} ${e.path}: ${e.message}`).concat(body.errors ? [] : [body.detail || `HTTP ${response.status}`]));
  } catch (error) {
    showErrors([`The service did not answer: ${error.message}`]);
  } finally {
    button.disabled = false;
  }
}

async function start() {
  document.getElementById('result-heading').setAttribute('tabindex', '-1');
  document.getElementById('date').value = new Date().toISOString().slice(0, 10);
  try {
    const [jurisdictions, vocabularies] = await Promise.all([getJson('v1/jurisdictions'), getJson('v1/vocabularies')]);
    buildForm(jurisdictions, vocabularies);
  } catch (error) {
    showErrors([`The page could not load the vocabularies: ${error.message}`]);
    return;
  }
  document.getElementById('request-form').addEventListener('submit', decide);
  document.body.dataset.ready = 'true';
  if (fillFromQuery()) await decide();
}

start();
