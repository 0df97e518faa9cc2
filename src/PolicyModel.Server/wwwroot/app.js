// The PolicyModel web page: builds the form from the service's fields, vocabularies and jurisdictions, sends the
// request in the contract's JSON (to /v1/whatif when every fact is known, to /v1/decisions when some are not) and
// shows the decision, what would change it, or what it depends on. No framework, no build step, no field named here.
'use strict';

const OUTCOMES = {
  'denied': 'The agency must decline to assist. Declining never means obstructing.',
  'granted': 'The assistance is lawful ordinary police work and may be given.',
  'required': 'A controlling law obliges the agency to give the assistance.',
  'police-action': 'The request itself is not granted, but the circumstances call for ordinary police action confined to the crime or emergency.',
  'discretionary': 'No law in force decides it; agency policy does.',
  'refer': 'The facts given cannot decide it; escalate (for instance to the law department).',
  'depends': 'The facts not known yet decide it; see what it depends on.',
};
const OBLIGATIONS = {
  'supervisor-to-scene': 'A supervisor must respond to the scene and decide.',
  'record-request': "Log the request and its outcome for the jurisdiction's reporting duty.",
  'inform-subject': 'Tell the person about the detainer.',
  'release-when-eligible': 'Release the person when otherwise eligible; do not hold for the requester.',
};
// The property of a what-if alternative that moves the date rather than a fact.
const DATE_CHANGE = 'receivedAt';
// The query parameter of the permalink that lists the facts marked not known.
const UNKNOWN_PARAM = 'unknown';

let fields = [];
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

const capitalised = text => text.charAt(0).toUpperCase() + text.slice(1);
const labelOf = name => (fields.find(f => f.name === name) || { label: name }).label;
const unknownBoxOf = field => document.getElementById(`${field.name}-unknown`);
const boxesOf = field => [...document.querySelectorAll(`input[type=checkbox][name="${field.name}"]`)];

// A scalar field: a labelled select of its values and "not known", with the chosen value's meaning as help.
function scalarControl(field, values) {
  const box = el('div', { class: 'field' });
  const select = el('select', { id: field.name, name: field.name, 'aria-describedby': `${field.name}-help` });
  for (const v of values) select.append(el('option', { value: v.value }, v.value));
  select.append(el('option', { value: '' }, 'not known'));
  select.value = field.default || values[0].value;
  const help = el('p', { id: `${field.name}-help`, class: 'help' });
  const describe = () => {
    help.textContent = select.value === ''
      ? 'Not known yet: the decision says what it depends on.'
      : (values.find(v => v.value === select.value) || {}).meaning || '';
  };
  select.addEventListener('change', describe);
  describe();
  box.append(el('label', { for: field.name }, capitalised(field.label)), select, help);
  return box;
}

// A set field: a group of labelled checkboxes, each with its meaning, and one to mark the whole set not known.
function setControl(field, values) {
  const group = el('fieldset', { class: 'set' });
  group.append(el('legend', {}, `${capitalised(field.label)} (choose any that apply)`));
  const checks = el('div', { class: 'checks' });
  for (const v of values) {
    const id = `${field.name}-${v.value}`;
    const row = el('div', { class: 'check' });
    row.append(
      el('input', { type: 'checkbox', id, name: field.name, value: v.value, 'aria-describedby': `${id}-help` }),
      el('label', { for: id }, v.value),
      el('p', { id: `${id}-help`, class: 'help' }, v.meaning));
    checks.append(row);
  }
  const unknownRow = el('div', { class: 'check unknown' });
  const unknown = el('input', { type: 'checkbox', id: `${field.name}-unknown`, 'aria-label': `${field.label} not known` });
  unknown.addEventListener('change', () => { for (const b of boxesOf(field)) b.disabled = unknown.checked; });
  unknownRow.append(unknown, el('label', { for: `${field.name}-unknown` }, 'not known'));
  group.append(checks, unknownRow);
  return group;
}

function buildForm(jurisdictions, vocabularies, fieldList) {
  const select = document.getElementById('jurisdiction');
  for (const j of jurisdictions) {
    zones[j.id] = j.timeZone;
    select.append(el('option', { value: j.id }, `${j.name} (${j.id})`));
  }
  select.value = jurisdictions.some(j => j.id === 'us-il-chicago') ? 'us-il-chicago' : jurisdictions[0].id;

  fields = fieldList.filter(f => vocabularies[f.name]);
  const container = document.getElementById('facts');
  for (const field of fields.filter(f => !f.set)) container.append(scalarControl(field, vocabularies[field.name]));
  for (const field of fields.filter(f => f.set)) container.append(setControl(field, vocabularies[field.name]));
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
  const unknown = [];
  for (const field of fields) {
    if (field.set) {
      if (unknownBoxOf(field).checked) unknown.push(field.name);
      else request[field.name] = boxesOf(field).filter(b => b.checked).map(b => b.value);
    } else if (value(field.name) === '') {
      unknown.push(field.name);
    } else {
      request[field.name] = value(field.name);
    }
  }
  if (unknown.length) request.unknown = unknown;
  return { request, date, time };
}

function setField(field, value) {
  if (field.set) {
    const known = Array.isArray(value);
    unknownBoxOf(field).checked = !known;
    for (const box of boxesOf(field)) {
      box.checked = known && value.includes(box.value);
      box.disabled = !known;
    }
  } else {
    const control = document.getElementById(field.name);
    control.value = value === null ? '' : value;
    control.dispatchEvent(new Event('change'));
  }
}

function permalink(form) {
  const params = new URLSearchParams();
  params.set('jurisdiction', form.request.jurisdiction);
  params.set('date', form.date);
  params.set('time', form.time);
  for (const field of fields) {
    const value = form.request[field.name];
    if (value !== undefined) params.set(field.name, field.set ? value.join(',') : value);
  }
  if (form.request.unknown) params.set(UNKNOWN_PARAM, form.request.unknown.join(','));
  return `${location.pathname}?${params}`;
}

function fillFromQuery() {
  const params = new URLSearchParams(location.search);
  if (!params.has('jurisdiction')) return false;
  for (const id of ['jurisdiction', 'date', 'time']) {
    if (params.has(id)) document.getElementById(id).value = params.get(id);
  }
  const unknown = (params.get(UNKNOWN_PARAM) || '').split(',');
  for (const field of fields) {
    if (unknown.includes(field.name)) setField(field, null);
    else if (params.has(field.name)) setField(field, field.set ? params.get(field.name).split(',').filter(Boolean) : params.get(field.name));
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

// A value of a field in words: a set as its members joined by "and" (or "none"), a single value as itself.
const valueText = value => Array.isArray(value) ? (value.length ? value.join(' and ') : 'none') : value;

// The changes of a what-if alternative in words: "authority judicial-criminal-warrant and circumstances crime-in-progress".
function changesText(changes) {
  return Object.entries(changes).map(([name, value]) => name === DATE_CHANGE
    ? `from ${value.slice(0, 10)} (the law changes for the same facts)`
    : `${labelOf(name)} ${valueText(value)}`).join(' and ');
}

function applyChanges(changes) {
  for (const [name, value] of Object.entries(changes)) {
    if (name === DATE_CHANGE) {
      document.getElementById('date').value = value.slice(0, 10);
      document.getElementById('time').value = value.slice(11, 16);
    } else {
      const field = fields.find(f => f.name === name);
      if (field) setField(field, value);
    }
  }
  decide();
}

function showAlternatives(alternatives) {
  const section = document.getElementById('whatif');
  const node = document.getElementById('alternatives');
  node.replaceChildren();
  if (!alternatives) { section.hidden = true; return; }
  alternatives.forEach((alternative, i) => {
    const li = el('li', { class: 'alternative' });
    const summary = el('p', { id: `alternative-${i}`, class: 'change' });
    summary.append(el('strong', { class: 'alt-outcome' }, alternative.outcome), document.createTextNode(' with '),
      el('span', { class: 'alt-change' }, changesText(alternative.changes)));
    const citations = el('ul', { class: 'alt-citations', 'aria-label': 'Citations' });
    for (const c of alternative.citations) citations.append(el('li', {}, c));
    if (!alternative.citations.length) citations.append(el('li', {}, '(no citation)'));
    const apply = el('button', { type: 'button', class: 'apply', 'aria-describedby': `alternative-${i}` }, 'Apply this change');
    apply.addEventListener('click', () => applyChanges(alternative.changes));
    li.append(summary, citations, apply);
    node.append(li);
  });
  document.getElementById('whatif-none').hidden = alternatives.length > 0;
  section.hidden = false;
}

// "granted if authority is judicial-criminal-warrant" for one entry of a partial decision's dependsOn.
function whenText(when) {
  return Object.entries(when).map(([name, values]) => {
    const words = values.map(valueText);
    const alternatives = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
    return `${labelOf(name)} is ${alternatives}`;
  }).join(', and ');
}

function showDependsOn(decision) {
  const section = document.getElementById('depends');
  const node = document.getElementById('depends-on');
  node.replaceChildren();
  if (!decision.dependsOn) { section.hidden = true; return; }
  for (const entry of decision.dependsOn) {
    const li = el('li', {});
    li.append(el('strong', { class: 'depends-outcome' }, entry.outcome), document.createTextNode(` if ${whenText(entry.when)}`));
    node.append(li);
  }
  document.getElementById('ask-first').textContent = decision.askFirst ? `Ask first about ${labelOf(decision.askFirst)}.` : '';
  section.hidden = false;
}

function showDecision(decision, form) {
  document.getElementById('errors').hidden = true;
  document.getElementById('outcome').textContent = decision.outcome;
  document.getElementById('outcome-meaning').textContent = OUTCOMES[decision.outcome] || '';
  document.getElementById('explanation').textContent = decision.explanation;
  showDependsOn(decision);
  document.getElementById('effective-date').textContent = decision.effectiveDate;
  document.getElementById('chain').textContent = decision.jurisdictionChain.join(' > ');
  list('citations', decision.citations);
  list('obligations', decision.obligations, OBLIGATIONS);
  document.getElementById('rules').textContent = decision.decidingRules.join(', ') || '(none)';
  showAlternatives(decision.alternatives);
  document.getElementById('digest').textContent = decision.policyDigest || '';
  document.getElementById('law-current').textContent = decision.lawCurrentTo ? `, law current to ${decision.lawCurrentTo}` : '';
  const link = permalink(form);
  document.getElementById('permalink').setAttribute('href', link);
  history.replaceState(null, '', link);
  document.getElementById('result').hidden = false;
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
    // A complete request gets its what-if (the decision and what would change it); a partial one its decision.
    const url = form.request.unknown ? 'v1/decisions' : 'v1/whatif?vary=receivedAt';
    const response = await fetch(url, {
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
    // How many answers the page has shown: a sign for tests and scripts that the latest one is in.
    document.body.dataset.answers = String(Number(document.body.dataset.answers || 0) + 1);
  }
}

async function start() {
  document.getElementById('result-heading').setAttribute('tabindex', '-1');
  document.getElementById('date').value = new Date().toISOString().slice(0, 10);
  try {
    const [jurisdictions, vocabularies, fieldList] = await Promise.all([getJson('v1/jurisdictions'), getJson('v1/vocabularies'), getJson('v1/fields')]);
    buildForm(jurisdictions, vocabularies, fieldList);
  } catch (error) {
    showErrors([`The page could not load the vocabularies: ${error.message}`]);
    return;
  }
  document.getElementById('request-form').addEventListener('submit', decide);
  document.body.dataset.ready = 'true';
  if (fillFromQuery()) await decide();
}

start();
