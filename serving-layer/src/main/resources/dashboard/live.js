/*
 * The live part of the dashboard: the stream of server-sent events at /api/v1/live. The server
 * sends a snapshot first (rates and the recent changes), then a change per score update and the
 * rates every second; a client that falls behind gets "dropped" and its EventSource reconnects.
 * Uses the helpers of dashboard.js.
 */
'use strict';

const RECENT_ROWS = 50;
const RATE_POINTS = 60;

const rateHistory = []; // { x: seconds since epoch, updates, firings }, the last RATE_POINTS

function showFeedStatus(state, text) {
  const node = $('feed-status');
  node.className = `status ${state}`;
  node.textContent = text;
}

function showRates(rates) {
  $('updates-rate').textContent = formatNumber(rates.updates_per_second, 1);
  $('firings-rate').textContent = formatNumber(rates.firings_per_second, 1);
  $('updates-total').textContent = formatNumber(rates.updates_total, 0);
  $('firings-total').textContent = formatNumber(rates.firings_total, 0);
  $('rates-window').textContent =
    `rates over the last ${rates.window_seconds} s · ${count(rates.clients, 'live client')}` +
    (rates.malformed_records ? ` · ${count(rates.malformed_records, 'malformed record')} skipped` : '') +
    (rates.dropped_clients ? ` · ${count(rates.dropped_clients, 'slow client')} dropped` : '') +
    ` · last change ${rates.last_change_at ? formatInstant(rates.last_change_at) : 'none yet'}`;
  // state: reading, waiting (for the topic to exist) or failing (Kafka unreachable).
  showFeedStatus(rates.state, rates.state === 'reading' ? `live: ${rates.status}` : rates.status);

  rateHistory.push({ x: Date.now() / 1000, updates: rates.updates_per_second, firings: rates.firings_per_second });
  rateHistory.splice(0, Math.max(0, rateHistory.length - RATE_POINTS));
  Charts.lines(
    $('rates-chart'),
    [
      { name: 'score updates/s', color: '#2f6fde', points: rateHistory.map((p) => ({ x: p.x, y: p.updates })) },
      { name: 'firings/s', color: '#d9822b', points: rateHistory.map((p) => ({ x: p.x, y: p.firings })) },
    ],
    {
      minY: 0,
      formatY: (v) => v.toLocaleString('en'),
      formatX: (x) => new Date(x * 1000).toISOString().substring(11, 19),
    },
  );
}

/** A row of the recent changes; its citizen id opens the citizen below. */
function changeRow(change) {
  const row = element('tr', null, { 'data-citizen': change.citizen_id });
  row.append(citizenCell(change.citizen_id));
  row.append(element('td', formatNumber(change.score)));
  if (change.previous_score === null || change.previous_score === undefined) {
    row.append(element('td', 'first seen'));
  } else {
    const delta = change.score - change.previous_score;
    row.append(element('td', `${delta >= 0 ? '+' : ''}${formatNumber(delta)}`, { class: delta >= 0 ? 'up' : 'down' }));
  }
  const tier = change.previous_tier && change.previous_tier !== change.tier
    ? `${change.previous_tier} → ${change.tier}`
    : change.tier;
  row.append(element('td', tier));
  row.append(element('td', change.new_firings === null ? '–' : change.new_firings));
  row.append(element('td', formatInstant(change.as_of)));
  return row;
}

function addChanges(changesNewestFirst, fresh) {
  const body = $('changes').tBodies[0];
  // Inserted oldest first at the top, so the newest ends up first.
  for (const change of [...changesNewestFirst].reverse()) {
    const row = changeRow(change);
    if (fresh) {
      row.classList.add('fresh');
    }
    body.insertBefore(row, body.firstChild);
  }
  while (body.rows.length > RECENT_ROWS) {
    body.deleteRow(body.rows.length - 1);
  }
  $('changes-empty').hidden = body.rows.length > 0;
}

function connectLive() {
  const source = new EventSource(API.live);
  source.addEventListener('snapshot', (event) => {
    const snapshot = JSON.parse(event.data);
    $('changes').tBodies[0].replaceChildren();
    addChanges(snapshot.changes, false);
    showRates(snapshot);
  });
  source.addEventListener('change', (event) => addChanges([JSON.parse(event.data)], true));
  source.addEventListener('rates', (event) => showRates(JSON.parse(event.data)));
  source.addEventListener('dropped', (event) =>
    showFeedStatus('waiting', `${JSON.parse(event.data).error}: reconnecting…`));
  // EventSource reconnects by itself; meanwhile the header says so.
  source.onerror = () => showFeedStatus('failing', 'the live stream is interrupted; reconnecting…');
}

