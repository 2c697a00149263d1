// The live view's script: no framework, no build step. State comes from the runtime's Server-Sent Events stream
// ("order" and "status" events); the page draws it and sends the few actions (place, arm a fault, redrive) as JSON.
'use strict';

const orders = new Map();
const SYMBOL = { ok: '\u2713', failed: '\u2717', 'dead-lettered': '\u2620', pending: '\u2026' };
const FEED_LIMIT = 300;
let status = null;
let selected = null;
let samples = [];

const byId = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text: nothing from the data is parsed as HTML). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  });
  return node;
}

function outcomeText(outcome) {
  return (SYMBOL[outcome] || '?') + ' ' + outcome;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

// ---- feed ----

function feedItem(order) {
  const outcomes = Object.entries(order.outcomes).map(([fn, outcome]) =>
    el('span', { class: 'outcome', 'data-function': fn, 'data-outcome': outcome }, fn + ' ' + outcomeText(outcome)));
  const answer = order.answer ? 'HTTP ' + order.answer.status : 'no API answer (placed on the bus directly)';
  return [
    el('span', { class: 'order-id' }, order.orderId),
    el('span', { class: 'order-meta' }, answer + ', ' + time(order.acceptedAt)),
    el('span', { class: 'outcomes' }, outcomes.length ? outcomes : el('span', {}, 'no rule matched')),
  ];
}

function renderOrder(order) {
  const feed = byId('feed');
  let item = feed.querySelector('li[data-order-id="' + CSS.escape(order.orderId) + '"]');
  if (!item) {
    const button = el('button', { type: 'button', class: 'order-button', 'aria-pressed': 'false',
      'aria-controls': 'journey' });
    button.addEventListener('click', () => select(order.orderId));
    item = el('li', { 'data-order-id': order.orderId }, button);
    feed.prepend(item);
    while (feed.children.length > FEED_LIMIT) feed.lastElementChild.remove();
  }
  // The button stays, only its content changes: keyboard focus is kept while orders update.
  item.firstElementChild.replaceChildren(...feedItem(order));
  item.dataset.settled = Object.values(order.outcomes).every((o) => o !== 'pending') ? 'true' : 'false';
  const shown = orders.size > FEED_LIMIT ? ', newest ' + FEED_LIMIT + ' shown' : '';
  byId('feed-count').textContent = '(' + orders.size + shown + ')';
}

function select(orderId) {
  selected = orderId;
  document.querySelectorAll('.order-button').forEach((b) =>
    b.setAttribute('aria-pressed', b.parentElement.dataset.orderId === orderId ? 'true' : 'false'));
  renderJourney();
}

// ---- journey ----

function renderJourney() {
  const order = orders.get(selected);
  const body = byId('journey-body');
  if (!order) return;
  byId('journey-title').textContent = 'Journey of order ' + order.orderId;
  // Redrawn on every change of the order: what the reader opened stays open.
  const open = [...body.querySelectorAll('details')].map((d) => d.open);
  const parts = [];
  if (order.answer) {
    const a = order.answer;
    parts.push(el('h3', {}, 'Request'),
      el('p', {}, a.route + ' answered HTTP ' + a.status + ' in ' + a.durationMs + ' ms'),
      a.error ? el('p', { class: 'error' }, a.error) : null);
  }
  order.events.forEach((event) => {
    parts.push(el('h3', {}, (event.redriveOf ? 'Redrive ' : 'Event ') + event.id),
      el('p', {}, event.detailType + ' from ' + event.source + ', accepted ' + time(event.acceptedAt)
        + (event.redriveOf ? ', re-sends dead letters of event ' + event.redriveOf : '')),
      el('p', {}, 'Rules matched: ' + (event.deliveries.map((d) => d.rule).join(', ') || 'none')));
    event.deliveries.forEach((d) => parts.push(delivery(d)));
    parts.push(el('details', {}, el('summary', {}, 'Event detail (JSON)'),
      el('pre', {}, JSON.stringify(event.detail, null, 2))));
  });
  body.replaceChildren(...parts.filter(Boolean));
  body.querySelectorAll('details').forEach((d, i) => { d.open = Boolean(open[i]); });
}

function delivery(d) {
  const rows = d.attempts.map((a) => el('tr', {},
    el('td', {}, String(a.number)), el('td', {}, a.durationMs + ' ms' + (a.coldStart ? ' (cold start)' : '')),
    el('td', {}, outcomeText(a.outcome)), el('td', {}, a.error ? el('span', { class: 'error' }, a.error) : '')));
  const wrote = d.attempts.flatMap((a) => a.wrote.map((w) => el('li', {}, w)));
  const emails = d.attempts.filter((a) => a.email).map((a) => el('pre', { class: 'email' }, a.email));
  return el('div', { class: 'delivery', 'data-function': d.function },
    el('p', {}, el('strong', {}, d.function), ' by rule ' + d.rule + ': ',
      el('span', { class: 'outcome', 'data-outcome': d.outcome }, outcomeText(d.outcome)),
      d.retries ? ' after ' + d.retries + (d.retries === 1 ? ' retry' : ' retries') : ''),
    rows.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Attempt'), el('th', {}, 'Duration'),
      el('th', {}, 'Outcome'), el('th', {}, 'Error'))), el('tbody', {}, rows)) : el('p', {}, 'Not attempted yet'),
    d.deadLetter ? el('p', {}, 'Dead letter: ' + d.deadLetter) : null,
    d.redrivenAs ? el('p', {}, 'Redriven as event ' + d.redrivenAs) : null,
    wrote.length ? el('div', {}, 'Wrote:', el('ul', {}, wrote)) : null,
    emails);
}

// ---- counters, dead letters, faults ----

function renderStatus() {
  drawCounters();
  const subscribers = status.functions.filter((f) => f.subscriber);
  const faultSelect = byId('fault-function');
  if (faultSelect.options.length === 0) {
    subscribers.forEach((f) => faultSelect.append(el('option', { value: f.name }, f.name)));
  }
  byId('faults-armed').replaceChildren(...subscribers.filter((f) => f.faultsArmed > 0).map((f) =>
    el('li', { 'data-function': f.name }, f.name + ': its next ' + f.faultsArmed + ' invocation(s) fail')));
  // Rows and buttons are made once and updated in place: a focused button keeps focus while counters change.
  const list = byId('dead-letter-list');
  subscribers.forEach((f) => {
    let row = list.querySelector('li[data-function="' + CSS.escape(f.name) + '"]');
    if (!row) {
      const button = el('button', { type: 'button', id: 'redrive-' + f.name }, 'Redrive ' + f.name);
      button.addEventListener('click', () => redrive(f.name));
      row = el('li', { 'data-function': f.name }, el('span', { class: 'waiting' }), ' ', button);
      list.append(row);
    }
    row.dataset.waiting = String(f.deadLettersWaiting);
    row.querySelector('.waiting').textContent = f.name + ': ' + f.deadLettersWaiting + ' waiting';
    row.querySelector('button').disabled = f.deadLettersWaiting === 0;
  });
}

function drawCounters() {
  const svg = byId('map').querySelector('svg');
  if (!svg || !status) return;
  const label = (id, text, alarm) => {
    const group = svg.getElementById ? svg.getElementById(id) : svg.querySelector('#' + CSS.escape(id));
    if (!group) return;
    const rect = group.querySelector('rect');
    let counter = group.querySelector('text.counter');
    if (!counter) {
      counter = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      counter.setAttribute('class', 'counter');
      counter.setAttribute('x', rect.getAttribute('x'));
      counter.setAttribute('y', Number(rect.getAttribute('y')) - 3);
      group.append(counter);
    }
    counter.textContent = text;
    counter.classList.toggle('alarm', Boolean(alarm));
  };
  status.rules.forEach((r) => label(r.rule, 'matched ' + r.matched));
  status.functions.forEach((f) => {
    if (f.subscriber) {
      label(f.name, f.ok + ' ok, ' + f.failedAttempts + ' failed, ' + f.deadLettered + ' dead-lettered'
        + (f.pending ? ', ' + f.pending + ' pending' : ''), f.deadLettersWaiting > 0);
    } else {
      label(f.name, status.api.calls + ' API calls, ' + status.api.failed + ' answered 4xx/5xx');
    }
  });
}

// ---- actions ----

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.message || 'HTTP ' + response.status);
  return answer;
}

function requestBodyText(request) {
  if (request.body === undefined || request.body === null) return '';
  let text = request.body;
  if (request.isBase64Encoded) {
    text = new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  }
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (notJson) { return text; }
}

function showSample() {
  const sample = samples[byId('sample').selectedIndex];
  byId('order-body').value = sample ? requestBodyText(sample.request) : '';
}

async function placeOrder() {
  const result = byId('place-result');
  const sample = samples[byId('sample').selectedIndex];
  if (!sample) { result.textContent = 'No sample request to place'; return; }
  const request = structuredClone(sample.request);
  request.body = byId('order-body').value;
  request.isBase64Encoded = false;
  result.textContent = 'Placing...';
  delete result.dataset.orderId;
  try {
    const answer = await post('orders', request);
    let orderId = '';
    try { orderId = JSON.parse(answer.body).orderId || ''; } catch (notJson) { /* an error page, shown below */ }
    result.textContent = 'HTTP ' + answer.status + (orderId ? ': order ' + orderId : ': ' + answer.body);
    if (orderId) {
      result.dataset.orderId = orderId;
      select(orderId);
    }
  } catch (e) {
    result.textContent = 'Not placed: ' + e.message;
  }
}

async function armFault() {
  const out = byId('fault-result');
  const count = Number(byId('fault-count').value);
  try {
    const answer = await post('faults', { function: byId('fault-function').value, count });
    out.textContent = answer.function + ': the next ' + answer.faultsArmed + ' invocation(s) will fail';
  } catch (e) {
    out.textContent = 'Not armed: ' + e.message;
  }
}

async function redrive(name) {
  const out = byId('redrive-result');
  try {
    const answer = await post('redrive', { function: name });
    out.textContent = name + ': ' + (answer.eventIds || []).length + ' event(s) sent back through the bus'
      + ((answer.skipped || []).length ? '; skipped ' + answer.skipped.join('; ') : '');
  } catch (e) {
    out.textContent = 'Not redriven: ' + e.message;
  }
}

// ---- start ----

function connect() {
  const source = new EventSource('stream');
  const connection = byId('connection');
  source.addEventListener('open', () => { connection.textContent = 'Live: connected to the local runtime'; });
  source.addEventListener('error', () => { connection.textContent = 'Disconnected; retrying...'; });
  source.addEventListener('order', (e) => {
    const order = JSON.parse(e.data);
    orders.set(order.orderId, order);
    renderOrder(order);
    if (order.orderId === selected) renderJourney();
  });
  source.addEventListener('status', (e) => {
    status = JSON.parse(e.data);
    renderStatus();
  });
}

async function start() {
  connect();
  byId('place-order').addEventListener('click', placeOrder);
  byId('arm-fault').addEventListener('click', armFault);
  byId('sample').addEventListener('change', showSample);
  byId('map-size').addEventListener('click', () => {
    const fit = byId('map').classList.toggle('fit');
    byId('map-size').setAttribute('aria-pressed', String(!fit));
    byId('map-size').textContent = fit ? 'Full size' : 'Fit to width';
  });
  const [map, list] = await Promise.all([
    fetch('map.svg').then((r) => r.text()),
    fetch('samples').then((r) => r.json()),
  ]);
  byId('map').innerHTML = map;
  drawCounters();
  samples = list;
  const preferred = samples.findIndex((s) => s.name === 'post-order-rewards-signup.json');
  samples.forEach((s) => byId('sample').append(el('option', { value: s.name }, s.name)));
  byId('sample').selectedIndex = Math.max(0, preferred);
  showSample();
}

start();
