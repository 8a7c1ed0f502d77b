// Storyline's browser view: a hash router over the JSON API.
// Every piece of data reaches the page as a text node or an attribute value (see h()), never as markup,
// so an article containing <script> shows those characters and nothing runs.
'use strict';

const PAGE = 25;

// ---- DOM ---------------------------------------------------------------------------------------

/** Creates an element. Children that are not nodes become text nodes. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Only web addresses become links out: a stored javascript: or data: URI stays text. */
function safeHttpUrl(uri) {
  return typeof uri === 'string' && /^https?:\/\//i.test(uri) ? uri : null;
}

function link(href, ...children) { return h('a', { href }, ...children); }

function route(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return '#' + path + (s ? '?' + s : '');
}

const enc = encodeURIComponent;
const docHref = (id, start, length) => route('/documents/' + enc(id), start == null ? {} : { start, length });
const personHref = (id) => '#/people/' + enc(id);

// ---- API ---------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') q.set(k, v);
  const url = '/api' + path + (q.toString() ? '?' + q : '');
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

// ---- pieces ------------------------------------------------------------------------------------

function formatDate(iso) {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] || '';
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

function sourceName(s) {
  return s.outlet || s.title || hostOf(s.sourceUri) || (s.documentId || s.id || '').slice(0, 12);
}

function hostOf(uri) {
  try { return uri && /^https?:/i.test(uri) ? new URL(uri).host : null; } catch { return null; }
}

function titleOf(d) {
  return d.title || (d.sourceUri ? d.sourceUri.split('/').pop() : d.id.slice(0, 12));
}

function heading(text, sub) {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, text), sub ? h('p', { class: 'sub' }, sub) : null);
}

function empty(text) { return h('p', { class: 'empty' }, text); }

function count(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

/** One statement: the words, who said them and when, and a link to the exact sentence in its source. */
function quote(s, { showSpeaker = true } = {}) {
  const date = s.saidOn || s.published;
  return h('article', { class: 'quote' },
    h('blockquote', { class: 'kind-' + s.kind }, s.text),
    h('p', { class: 'meta' },
      showSpeaker ? (s.speaker ? link(route('/quotes', { speaker: s.speaker }), s.speaker) : h('span', { class: 'unknown' }, 'unattributed')) : null,
      showSpeaker ? ' · ' : null,
      h('time', { datetime: date || '', title: s.saidOnIsPublication ? 'publication date: the article does not say when' : null },
        formatDate(date), s.saidOnIsPublication ? ' (published)' : ''),
      ' · ', h('span', { class: 'tag' }, s.kind),
      ' · reported by ', h('span', { class: 'outlet' }, sourceName(s)),
      ' · ', h('a', { class: 'source', href: docHref(s.documentId, s.start, s.length) }, 'source sentence ›')));
}

/** Prev/next links that keep every other parameter of the current page. */
function pager(page, path, params) {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.items.length;
  const prev = page.offset > 0 ? route(path, { ...params, offset: Math.max(0, page.offset - page.limit) || null }) : null;
  const next = to < page.total ? route(path, { ...params, offset: page.offset + page.limit }) : null;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('span', { class: 'range' }, `${from}–${to} of ${page.total}`),
    prev ? h('a', { href: prev, rel: 'prev' }, '‹ Previous') : h('span', { class: 'disabled' }, '‹ Previous'),
    next ? h('a', { href: next, rel: 'next' }, 'Next ›') : h('span', { class: 'disabled' }, 'Next ›'));
}

function section(title, ...body) {
  return h('section', { class: 'panel', 'aria-label': title }, h('h2', null, title), ...body);
}

function filterForm(fields, values, path) {
  const form = h('form', { class: 'filters', role: 'search' },
    fields.map(f => h('p', { class: 'field' },
      h('label', { for: 'f-' + f.name }, f.label),
      f.options
        ? h('select', { id: 'f-' + f.name, name: f.name },
          h('option', { value: '' }, 'any'),
          f.options.map(o => h('option', { value: o.value, selected: o.value === values[f.name] }, o.label)))
        : h('input', { id: 'f-' + f.name, name: f.name, type: f.type || 'text', value: values[f.name] || '', placeholder: f.placeholder || null }))),
    h('p', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply'), ' ', link(route(path), 'Clear')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const params = {};
    for (const [k, v] of new FormData(form)) params[k] = String(v).trim();
    location.hash = route(path, params);
  });
  return form;
}

// ---- pages -------------------------------------------------------------------------------------

async function homePage() {
  const [info, stories, people, docs, disputes] = await Promise.all([
    api('/info'), api('/stories', { limit: 5 }), api('/entities', { type: 'PERSON', limit: 8 }),
    api('/documents', { limit: 8 }), api('/disputes', { limit: 5 })]);
  return [
    heading('Storyline', `${count(info.documents, 'document', 'documents')}, ${count(info.statements, 'statement', 'statements')} on record`),
    h('div', { class: 'grid' },
      section('Latest stories', storyList(stories.items, 'No stories yet: they appear once statements are clustered across outlets.')),
      section('Most quoted people', people.items.length
        ? h('ol', { class: 'plain' }, people.items.map(p => h('li', null, link(personHref(p.id), p.name), ' ',
          h('span', { class: 'count' }, count(p.statements, 'statement', 'statements')))))
        : empty('No people recognised yet.')),
      section('Latest documents', docList(docs.items)),
      section('Disputes', disputeList(disputes.items))),
  ];
}

function storyList(items, none) {
  if (!items.length) return empty(none);
  return h('ol', { class: 'plain stories' }, items.map(s => h('li', null,
    link('#/stories/' + enc(s.id), s.title),
    h('p', { class: 'count' }, dateRange(s.from, s.to), ' · ', count(s.statements, 'report', 'reports'),
      s.events ? ' · ' + count(s.events, 'event', 'events') : '',
      s.outlets.length ? ' · ' + s.outlets.join(', ') : ''))));
}

function dateRange(from, to) {
  if (!from && !to) return 'undated';
  return from === to || !to ? formatDate(from) : !from ? formatDate(to) : `${formatDate(from)} – ${formatDate(to)}`;
}

function docList(items) {
  if (!items.length) return empty('No documents.');
  return h('ol', { class: 'plain' }, items.map(d => h('li', null,
    link(docHref(d.id), titleOf(d)), ' ',
    h('span', { class: 'count' }, [d.outlet, d.published ? formatDate(d.published) : null].filter(Boolean).join(' · ')))));
}

function disputeList(items) {
  if (!items.length) return empty('No disputes found.');
  const side = (docId, start, length, text, outlet, published) => [
    link(docHref(docId, start, length), text),
    h('span', { class: 'count' }, ' — ', outlet || docId.slice(0, 12), published ? ', ' + formatDate(published) : '')];
  return h('ul', { class: 'disputes' }, items.map(x => h('li', null,
    h('p', null, h('span', { class: 'tag claim' }, 'claim'), ' ',
      side(x.claimDocumentId, x.claimStart, x.claimLength, x.claimText, x.claimOutlet, x.claimPublished)),
    h('p', null, h('span', { class: 'tag denial' }, x.acrossDocuments ? 'disputed by' : 'disputed in the same article'), ' ',
      side(x.disputedDocumentId, x.disputedStart, x.disputedLength, x.disputedText, x.disputedOutlet, x.disputedPublished)))));
}

async function storiesPage(_, params) {
  const offset = params.get('offset') || 0;
  const page = await api('/stories', { offset, limit: PAGE });
  return [heading('Stories', 'Threads of statements and events, across outlets'),
    storyList(page.items, 'No stories yet: they appear once statements are clustered across outlets.'), pager(page, '/stories', {})];
}

/** A story: each statement with every outlet that reported it, its events, and the disputes across sources. */
async function storyPage([id]) {
  const s = await api('/stories/' + enc(id));
  const outlets = new Set(s.statements.flatMap(c => c.reports.map(r => sourceName(r))));
  return [
    heading(s.title, `${dateRange(s.from, s.to)} · ${count(outlets.size, 'source', 'sources')}`),
    s.disputes.length ? section('Disputed', disputeList(s.disputes)) : null,
    s.statements.map(c => h('section', { class: 'panel cluster', 'aria-label': 'Statement by ' + (c.speaker || 'unknown') },
      h('h2', null, c.speaker || 'Unattributed', h('span', { class: 'count' }, ' · ', dateRange(c.from, c.to))),
      h('p', { class: 'sub' }, `reported ${count(c.reports.length, 'time', 'times')} by `,
        [...new Set(c.reports.map(r => sourceName(r)))].join(', ')),
      c.reports.map(r => quote(r, { showSpeaker: false })))),
    s.events.length ? section('Events', h('ul', { class: 'plain' }, s.events.map(e => h('li', null,
      h('span', { class: 'tag' }, e.type.replaceAll('_', ' ')), ' ', dateRange(e.from, e.to), ' · ',
      e.reports.map((r, i) => [i ? '; ' : '', link(docHref(r.documentId, r.start, r.length), r.text), ' (', sourceName(r), ')']))))) : null,
  ];
}

async function peoplePage(_, params) {
  const values = Object.fromEntries(params);
  const page = await api('/entities', { name: values.name, type: values.type, offset: values.offset, limit: PAGE });
  const types = ['PERSON', 'ORG', 'PLACE'].map(t => ({ value: t, label: t.toLowerCase() }));
  return [
    heading('People and organisations', 'Everyone the articles name, most quoted first'),
    filterForm([{ name: 'name', label: 'Name', placeholder: 'e.g. Putin' }, { name: 'type', label: 'Type', options: types }], values, '/people'),
    page.items.length
      ? h('table', { class: 'list' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'),
          h('th', { scope: 'col', class: 'num' }, 'Statements'), h('th', { scope: 'col', class: 'num' }, 'Mentions'), h('th', { scope: 'col', class: 'num' }, 'Documents'))),
        h('tbody', null, page.items.map(e => h('tr', null,
          h('td', null, link(personHref(e.id), e.name), e.aliases.length ? h('span', { class: 'aliases' }, ' also ', e.aliases.join(', ')) : null),
          h('td', null, e.type.toLowerCase()), h('td', { class: 'num' }, e.statements), h('td', { class: 'num' }, e.mentions), h('td', { class: 'num' }, e.documents)))))
      : empty('No entities match.'),
    pager(page, '/people', { name: values.name, type: values.type }),
  ];
}

async function personPage([id], params) {
  const offset = params.get('offset') || 0;
  const [e, timeline] = await Promise.all([api('/entities/' + enc(id)), api('/entities/' + enc(id) + '/timeline', { offset, limit: PAGE })]);
  const roles = { said: 'said', mentioned: 'mentioned in', event: 'event' };
  return [
    heading(e.name, `${e.type.toLowerCase()} · ${count(e.statements, 'statement', 'statements')} · ${count(e.mentions, 'mention', 'mentions')} in ${count(e.documents, 'document', 'documents')}`),
    e.aliases.length ? h('p', { class: 'aliases' }, 'Also called: ', e.aliases.join(', ')) : null,
    h('p', null, link(route('/quotes', { entity: e.id }), 'All statements by ' + e.name + ' ›')),
    section('Timeline', timeline.items.length
      ? h('ol', { class: 'timeline' }, timeline.items.map(t => h('li', { class: 'role-' + t.role },
        h('time', { datetime: t.date || '' }, formatDate(t.date)),
        h('div', null,
          h('span', { class: 'tag' }, t.role === 'event' ? (t.type || 'event').replaceAll('_', ' ') : roles[t.role]),
          t.role === 'mentioned' && t.speaker ? h('span', { class: 'by' }, ' ', t.speaker, ':') : null,
          h('p', { class: t.role === 'event' ? 'event' : 'said' }, t.text),
          h('p', { class: 'meta' }, sourceName(t), ' · ', h('a', { class: 'source', href: docHref(t.documentId, t.start, t.length) }, 'source ›'))))))
      : empty('Nothing dated for this entity yet.'),
    pager(timeline, '/people/' + enc(id), {})),
  ];
}

async function quotesPage(_, params) {
  const values = Object.fromEntries(params);
  const [page, outlets] = await Promise.all([
    api('/statements', { ...values, limit: PAGE }),
    api('/outlets', { limit: 500 })]);
  const { offset, ...filters } = values;
  return [
    heading('Quotes', 'Every attributed statement, with the outlet that reported it'),
    filterForm([
      { name: 'q', label: 'Words', placeholder: 'e.g. Donbas' },
      { name: 'speaker', label: 'Speaker', placeholder: 'e.g. Putin' },
      { name: 'outlet', label: 'Outlet', options: outlets.items.map(o => ({ value: o.name, label: o.name })) },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
    ], values, '/quotes'),
    filters.entity ? h('p', { class: 'sub' }, 'Statements by one entity · ', link(route('/quotes'), 'show all')) : null,
    h('p', { class: 'sub', role: 'status' }, count(page.total, 'statement', 'statements')),
    page.items.length ? h('div', { class: 'quotes' }, page.items.map(s => quote(s))) : empty('No statements match.'),
    pager(page, '/quotes', filters),
  ];
}

async function documentsPage(_, params) {
  const values = Object.fromEntries(params);
  const [page, outlets] = await Promise.all([api('/documents', { ...values, limit: PAGE }), api('/outlets', { limit: 500 })]);
  const { offset, ...filters } = values;
  return [
    heading('Documents', 'The articles on record, latest first'),
    filterForm([
      { name: 'q', label: 'Words', placeholder: 'in title or text' },
      { name: 'outlet', label: 'Outlet', options: outlets.items.map(o => ({ value: o.name, label: o.name })) },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
    ], values, '/documents'),
    docList(page.items),
    pager(page, '/documents', filters),
  ];
}

/**
 * The clean text of one article, line by line, with its annotations marked: statements, speakers, cues,
 * entities and dates. ?start=&length= highlights one span (the sentence a quote links to) and scrolls to it.
 */
async function documentPage([id], params) {
  const d = await api('/documents/' + enc(id));
  const start = Number(params.get('start'));
  const length = Number(params.get('length'));
  const target = params.has('start') && Number.isInteger(start) && Number.isInteger(length) && length > 0 ? { start, length } : null;

  const layers = [];
  for (const s of d.statements) {
    layers.push({ start: s.start, length: s.length, cls: 'an-statement', title: `${s.kind} statement by ${s.speaker || 'unknown'}` });
    if (s.speakerStart != null) layers.push({ start: s.speakerStart, length: s.speakerLength, cls: 'an-speaker', title: 'speaker' });
    if (s.cueStart != null) layers.push({ start: s.cueStart, length: s.cueLength, cls: 'an-cue', title: 'cue' });
  }
  const names = new Map(d.entities.map(e => [e.id, e.name]));
  for (const m of d.mentions) layers.push({ start: m.start, length: m.length, cls: 'an-entity', title: `${m.type}${m.entityId ? ': ' + (names.get(m.entityId) || m.entityId) : ''}` });
  for (const t of d.timeExpressions) layers.push({ start: t.start, length: t.length, cls: 'an-time', title: `${t.type.toLowerCase()} ${t.value}` });
  if (target) layers.push({ ...target, cls: 'an-target', title: 'the linked passage' });

  const lines = d.lines.length ? d.lines : [{ start: 0, length: d.text.length, label: 'body', isArticle: true }];
  const marker = { placed: false };
  const body = h('div', { class: 'article-text' }, lines.map(line => renderLine(d.text, line, layers, marker)));
  const facts = [d.outlet, d.published ? formatDate(d.published) + (d.publishedInferred ? ' (inferred)' : '') : null,
    d.authors.length ? 'by ' + d.authors.join(', ') : null, d.language].filter(Boolean).join(' · ');
  const external = safeHttpUrl(d.sourceUri);

  const view = h('div', { class: 'doc' },
    h('article', { class: 'panel', 'aria-label': 'Article text' },
      legend(), body),
    h('aside', { class: 'panel side', 'aria-label': 'Statements in this document' },
      h('h2', null, count(d.statements.length, 'statement', 'statements')),
      d.statements.length
        ? h('ol', { class: 'plain' }, d.statements.map(s => h('li', { class: target && s.start === target.start ? 'current' : null },
          link(docHref(d.id, s.start, s.length), s.speaker || 'unattributed'), ': ',
          h('span', { class: 'said' }, d.text.substr(s.start, s.length)))))
        : empty('None found.')));
  return [
    heading(d.title || titleOf(d), facts || null),
    external ? h('p', { class: 'sub' }, 'Source: ', h('a', { href: external, rel: 'noreferrer noopener' }, external))
      : d.sourceUri ? h('p', { class: 'sub' }, 'Source: ', h('code', null, d.sourceUri)) : null,
    d.publishedNote ? h('p', { class: 'sub' }, 'Date: ', d.publishedNote) : null,
    view,
  ];
}

function legend() {
  return h('p', { class: 'legend', 'aria-label': 'Highlight legend' },
    h('span', { class: 'an-statement' }, 'statement'), h('span', { class: 'an-speaker' }, 'speaker'),
    h('span', { class: 'an-cue' }, 'cue'), h('span', { class: 'an-entity' }, 'entity'), h('span', { class: 'an-time' }, 'date'),
    h('mark', { class: 'an-target' }, 'linked passage'));
}

/**
 * Cuts a line at every annotation boundary; each piece carries the classes of the spans covering it. The first
 * piece of the linked passage gets id="target" (marker remembers it across lines), so the page can scroll to it.
 */
function renderLine(text, line, layers, marker) {
  const lineEnd = line.start + line.length;
  const inside = layers.filter(a => a.start < lineEnd && line.start < a.start + a.length);
  const cuts = new Set([line.start, lineEnd]);
  for (const a of inside) {
    cuts.add(Math.max(line.start, a.start));
    cuts.add(Math.min(lineEnd, a.start + a.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const p = h('p', { class: 'line line-' + line.label + (line.isArticle ? '' : ' aside-line') },
    line.isArticle ? null : h('span', { class: 'line-label' }, line.label));
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = inside.filter(a => a.start <= from && to <= a.start + a.length);
    if (!covering.length) { p.append(piece); continue; }
    const isTarget = covering.some(a => a.cls === 'an-target');
    const el = h(isTarget ? 'mark' : 'span', { class: covering.map(a => a.cls).join(' '), title: covering.map(a => a.title).join('; ') }, piece);
    if (isTarget && !marker.placed) {
      el.id = 'target';
      marker.placed = true;
    }
    p.append(el);
  }
  return p;
}

async function searchPage(_, params) {
  const q = params.get('q') || '';
  document.getElementById('search-input').value = q;
  if (!q.trim()) return [heading('Search'), empty('Type words in the search box: statements, documents and people that contain all of them are listed.')];
  const r = await api('/search', { q, limit: 10 });
  return [
    heading('Search', `Results for “${r.query}”`),
    section(`Statements (${r.statements.total})`, r.statements.items.length ? r.statements.items.map(s => quote(s)) : empty('No statements.'),
      r.statements.total > r.statements.items.length ? link(route('/quotes', { q }), 'All matching statements ›') : null),
    h('div', { class: 'grid' },
      section(`Documents (${r.documents.total})`, docList(r.documents.items),
        r.documents.total > r.documents.items.length ? link(route('/documents', { q }), 'All matching documents ›') : null),
      section(`People and organisations (${r.entities.total})`, r.entities.items.length
        ? h('ul', { class: 'plain' }, r.entities.items.map(e => h('li', null, link(personHref(e.id), e.name), ' ', h('span', { class: 'count' }, e.type.toLowerCase()))))
        : empty('Nobody by that name.'))),
  ];
}

// ---- router ------------------------------------------------------------------------------------

const routes = [
  [/^\/?$/, homePage, null],
  [/^\/stories$/, storiesPage, 'stories'],
  [/^\/stories\/([^/]+)$/, storyPage, 'stories'],
  [/^\/people$/, peoplePage, 'people'],
  [/^\/people\/([^/]+)$/, personPage, 'people'],
  [/^\/quotes$/, quotesPage, 'quotes'],
  [/^\/documents$/, documentsPage, 'documents'],
  [/^\/documents\/([^/]+)$/, documentPage, 'documents'],
  [/^\/search$/, searchPage, null],
];

let renderCount = 0;

async function render() {
  const main = document.getElementById('main');
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  const match = routes.map(([re, page, sectionName]) => [re.exec(path), page, sectionName]).find(([m]) => m);
  for (const a of document.querySelectorAll('nav [data-section]'))
    a.toggleAttribute('aria-current', match != null && a.dataset.section === match[2]);
  const mine = ++renderCount;
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = match ? await match[1](match[0].slice(1).map(decodeURIComponent), params) : [heading('Not found'), empty('There is no such page.')];
  } catch (e) {
    const notFound = e instanceof ApiError && e.status === 404;
    content = [heading(notFound ? 'Not found' : 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, e.message)];
    if (!(e instanceof ApiError)) console.error(e);
  }
  if (mine !== renderCount) return; // a later navigation won
  main.replaceChildren(...[content].flat(Infinity).filter(Boolean));
  main.removeAttribute('aria-busy');
  const target = document.getElementById('target');
  if (target) target.scrollIntoView({ block: 'center' });
  else { main.querySelector('h1')?.focus({ preventScroll: true }); window.scrollTo(0, 0); }
}

document.getElementById('search-form').addEventListener('submit', e => {
  e.preventDefault();
  location.hash = route('/search', { q: document.getElementById('search-input').value.trim() });
});
window.addEventListener('hashchange', render);
render();
