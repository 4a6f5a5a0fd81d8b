/*
 * The dashboard's behaviour. Everything it shows comes from the serving layer's REST API (the
 * paths and fields of schemas/openapi/serving-api.json) and from its live stream, server-sent
 * events at /api/v1/live (live.js). Charts are drawn by charts.js.
 *
 * Text from the server is only ever put in the page through textContent, never parsed as HTML.
 */
'use strict';

const API = {
  live: '/api/v1/live',
  distribution: '/api/v1/analytics/distribution',
  citizen: (id) => `/api/v1/citizens/${encodeURIComponent(id)}`,
};

const TIER_COLORS = {
  restricted: '#c0392b',
  watch: '#d9822b',
  standard: '#7f8c8d',
  trusted: '#2f6fde',
  exemplary: '#1f8a4c',
};

const $ = (id) => document.getElementById(id);

/** A new element with text content and attributes. */
function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function formatNumber(value, digits = 2) {
  return value === null || value === undefined
    ? '–'
    : Number(value).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "1 firing", "3 firings". */
function count(n, word) {
  return `${formatNumber(n, 0)} ${word}${n === 1 ? '' : 's'}`;
}

/** An instant as "YYYY-MM-DD HH:MM:SS" in UTC, which is how the stores keep time. */
function formatInstant(text) {
  return text ? String(text).replace('T', ' ').replace(/(\.\d+)?Z$/, '') : '–';
}

/** A duration in milliseconds as the two largest units: "3 h 12 min", "45 s". */
function formatDuration(millis) {
  const units = [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1_000]];
  const parts = [];
  let rest = millis;
  for (const [name, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${name}`);
      rest %= size;
    }
  }
  return parts.length ? parts.join(' ') : `${millis} ms`;
}

/** Shows a line under a section's title: a note, or an error in red. */
function say(id, text, isError = false) {
  const node = $(id);
  node.textContent = text;
  node.className = isError ? 'error' : 'note';
  node.hidden = !text;
}

/** A table cell with a link to a citizen: the page's address #citizen=ID shows that citizen. */
function citizenCell(id) {
  const link = element('a', id, { class: 'citizen', href: `#citizen=${encodeURIComponent(id)}` });
  const cell = element('td');
  cell.append(link);
  return cell;
}

/**
 * GET a JSON document. Resolves to { ok: true, body } or { ok: false, status, error }, where error
 * is the server's own {"error": ...} message when it sent one.
 */
async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (failure) {
    return { ok: false, status: 0, error: `the serving layer did not answer (${failure.message})` };
  }
  let body = null;
  try {
    body = await response.json();
  } catch (notJson) {
    // An error page that is not JSON: the status says enough.
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : `HTTP ${response.status}`;
    return { ok: false, status: response.status, error };
  }
  return { ok: true, body };
}

/* ----------------------------------------------------------------------- distribution and tiers */

/**
 * GET /api/v1/analytics/distribution: the latest batch run's score histogram and tier counts.
 */
async function loadDistribution() {
  const answer = await getJson(API.distribution);
  if (!answer.ok) {
    say('distribution-message', `The distribution is not available: ${answer.error}`, true);
    Charts.message($('distribution-chart'), 'no distribution');
    return;
  }
  const { histogram, tiers, run_id: runId, as_of: asOf } = answer.body;
  const citizens = tiers.reduce((sum, tier) => sum + tier.citizens, 0);
  say(
    'distribution-message',
    runId
      ? `${formatNumber(citizens, 0)} citizens · batch run ${runId} · as of ${formatInstant(asOf)}`
      : 'No batch run has been published yet: the distribution comes from the nightly batch layer.',
  );
  Charts.bars(
    $('distribution-chart'),
    histogram.map((bucket) => ({ label: String(bucket.bucket_floor), value: bucket.citizens })),
    { empty: 'no citizen scored yet' },
  );
  const rows = $('tiers').tBodies[0];
  rows.replaceChildren();
  for (const tier of tiers) {
    const row = element('tr', null, { 'data-tier': tier.tier });
    const name = element('td', tier.tier);
    name.style.color = TIER_COLORS[tier.tier] || '';
    row.append(name, element('td', formatNumber(tier.citizens, 0)));
    rows.append(row);
  }
}

/* -------------------------------------------------------------------------------- one citizen */

let shownCitizen = null;

async function showCitizen(id) {
  id = id.trim();
  $('citizen-id').value = id;
  shownCitizen = id;
  say('citizen-message', `loading ${id}…`);
  $('citizen-details').hidden = true;
  await Promise.all([loadScore(id), loadHistory(id), loadExplanation(id), loadNetwork(id)]);
}

/** GET /citizens/{id}/score: the merged score and how it was made (batch part, speed part). */
async function loadScore(id) {
  const answer = await getJson(`${API.citizen(id)}/score`);
  if (id !== shownCitizen) {
    return; // a later search replaced this one
  }
  if (!answer.ok) {
    say('citizen-message', answer.status === 404 ? `No citizen ${id}.` : `The score is not available: ${answer.error}`, true);
    return;
  }
  const score = answer.body;
  say('citizen-message', '');
  $('citizen-details').hidden = false;
  $('citizen-score').textContent = formatNumber(score.score);
  $('citizen-tier').textContent = score.tier ?? 'below every tier';
  $('citizen-tier').style.color = TIER_COLORS[score.tier] || '';
  // How the score was made: the batch view moved to as_of plus the speed layer's part.
  const parts = score.breakdown;
  const facts = [
    ['citizen', score.citizen_id],
    ['as of', formatInstant(score.as_of)],
    ['raw sum', `${formatNumber(score.raw, 3)} from ${count(score.firings, 'firing')}`],
    ['computed from', parts.path === 'views' ? 'the views: batch moved to as of, plus speed' : 'the ledgers (a past instant)'],
    ['batch part', `${formatNumber(parts.batch_raw, 3)} (${count(parts.batch_firings, 'firing')}, run ${parts.batch_run_id ?? 'none yet'})`],
    ['batch watermark', formatInstant(parts.watermark)],
    ['speed part', `${formatNumber(parts.speed_raw, 3)} (${count(parts.speed_firings, 'firing')}, from the ${parts.speed_source.replace('_', ' ')})`],
    ['batch part age', parts.staleness_ms === null ? '–' : formatDuration(parts.staleness_ms)],
  ];
  const list = $('citizen-breakdown');
  list.replaceChildren();
  for (const [name, value] of facts) {
    list.append(element('dt', name), element('dd', value ?? '–'));
  }
}

/** GET /citizens/{id}/history: the score over time, drawn as a line. */
async function loadHistory(id) {
  const answer = await getJson(`${API.citizen(id)}/history`);
  if (id !== shownCitizen) {
    return;
  }
  if (!answer.ok) {
    say('history-message', `The history is not available: ${answer.error}`, true);
    Charts.message($('history-chart'), 'no history');
    return;
  }
  const history = answer.body;
  const points = history.points.map((p) => ({ x: Date.parse(p.time) / 1000, y: p.score }));
  const period = `${formatInstant(history.from)} to ${formatInstant(history.to)}, every ${history.every}`;
  say('history-message', points.length ? `${count(points.length, 'point')}, ${period}` : `No score recorded for ${id} from ${period}.`);
  Charts.lines($('history-chart'), [{ name: 'score', color: '#2f6fde', points }], {
    formatY: (v) => v.toLocaleString('en'),
    formatX: (x) => new Date(x * 1000).toISOString().substring(0, 10),
    empty: 'no history',
  });
}

/** GET /citizens/{id}/explanation: every firing, with its rule and what it adds now. */
async function loadExplanation(id) {
  const answer = await getJson(`${API.citizen(id)}/explanation`);
  if (id !== shownCitizen) {
    return;
  }
  const table = $('explanation-table');
  if (!answer.ok) {
    table.hidden = true;
    say('explanation-message', `The explanation is not available: ${answer.error}`, true);
    return;
  }
  const firings = answer.body.firings;
  const rows = table.tBodies[0];
  rows.replaceChildren();
  for (const firing of firings) {
    const row = element('tr');
    row.append(
      element('td', formatInstant(firing.occurred_at)),
      element('td', `${firing.event_type ?? 'event'} ${firing.event_id}`),
      element('td', `${firing.rule_id} v${firing.rule_version}`),
      element('td', firing.description ?? ''),
      element('td', formatNumber(firing.delta), { class: firing.delta >= 0 ? 'up' : 'down' }),
      element('td', formatNumber(firing.contribution, 3)),
      element('td', firing.side),
    );
    rows.append(row);
  }
  table.hidden = firings.length === 0;
  say('explanation-message', firings.length ? count(firings.length, 'firing') : `No firing for ${id}: the score is the base score.`);
}

/** GET /citizens/{id}/network?depth=1: the direct ties, and the scores of those tied to. */
async function loadNetwork(id) {
  const answer = await getJson(`${API.citizen(id)}/network?depth=1`);
  if (id !== shownCitizen) {
    return;
  }
  const table = $('network-table');
  if (!answer.ok) {
    table.hidden = true;
    say('network-message', `The network is not available: ${answer.error}`, true);
    return;
  }
  const network = answer.body;
  // The relation of each neighbour, from the ties that have the citizen at one end.
  const relations = new Map();
  for (const tie of network.ties) {
    const other = tie.citizen_a === id ? tie.citizen_b : tie.citizen_b === id ? tie.citizen_a : null;
    if (other !== null) {
      relations.set(other, tie.relation);
    }
  }
  const neighbours = network.nodes.filter((node) => node.distance === 1);
  const rows = table.tBodies[0];
  rows.replaceChildren();
  for (const node of neighbours) {
    const row = element('tr', null, { 'data-citizen': node.citizen_id });
    row.append(
      citizenCell(node.citizen_id),
      element('td', relations.get(node.citizen_id) ?? ''),
      element('td', formatNumber(node.score)),
      element('td', node.tier ?? '–'),
    );
    rows.append(row);
  }
  table.hidden = neighbours.length === 0;
  say(
    'network-message',
    neighbours.length
      ? `${count(neighbours.length, 'direct tie')}, from the ${network.source === 'lake' ? 'Parquet lake' : 'graph store'}` +
        (network.truncated ? ' (the search stopped early: not every tie is listed)' : '')
      : `${id} has no ties.`,
  );
}

/* ------------------------------------------------------------------------------------- start */

// A bug in this page shows itself at the top instead of hiding in the console.
function showPageError(text) {
  const node = $('page-error');
  node.textContent = `This page hit an error: ${text}`;
  node.hidden = false;
}
window.addEventListener('error', (event) => showPageError(event.message));
window.addEventListener('unhandledrejection', (event) => showPageError(String(event.reason)));

/** The citizen named by the page's address (#citizen=ID), so a citizen's view can be linked. */
function citizenInAddress() {
  const match = /^#citizen=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

document.addEventListener('DOMContentLoaded', () => {
  $('citizen-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = $('citizen-id').value.trim();
    if (citizenInAddress() === id) {
      showCitizen(id); // the same address again: no hashchange event, so search here
    } else {
      window.location.hash = `citizen=${encodeURIComponent(id)}`;
    }
  });
  window.addEventListener('hashchange', () => {
    const id = citizenInAddress();
    if (id) {
      showCitizen(id);
      $('citizen').scrollIntoView();
    }
  });
  if (citizenInAddress()) {
    showCitizen(citizenInAddress());
  }
  connectLive();
  loadDistribution();
  // The distribution changes with each batch run and speed update; a minute is fresh enough.
  setInterval(loadDistribution, 60_000);
});
