// Page-wide behaviour (fixed, no data): Dutch document language and Streamlit's own strings,
// a sidebar that closes after choosing a page on a phone, a "Filters" switch that folds the
// page's choices away on a narrow screen, an accessible name for the metric sparklines, and
// browser Back that returns to the previous filters.
// Only text values and attributes of Streamlit's nodes are changed, never the node tree React
// manages; the one added node (the Filters switch) hangs off <body>, outside React's root.

const NARROW = '(max-width: 640px)';
const OVERLAY_SIDEBAR = '(max-width: 767.98px)';  // where Streamlit's sidebar covers the page
const OPEN_CLASS = 'swic-filters-open';

// Streamlit's fixed English strings -> Dutch (text, aria-label and title)
const TEXT = {
  'Skip to main content': 'Naar de inhoud',
  'Select all': 'Alles kiezen',
  'Clear all': 'Alles wissen',
  'Clear value': 'Wis keuze',
  'No results': 'Geen resultaten',
  'Browse files': 'Kies bestand',
  'Upload': 'Uploaden',
  'Drag and drop file here': 'Sleep een bestand hierheen',
  'Drag and drop a file here': 'Sleep een bestand hierheen',
  'Drag and drop files here': 'Sleep bestanden hierheen',
  'Add files': 'Bestanden toevoegen',
  'Expand sidebar': 'Zijbalk openen',
  'Collapse sidebar': 'Zijbalk sluiten',
  'Sidebar': 'Zijbalk',
  'App pages': "Pagina's",
  'Main menu': 'Menu',
  'Multiselect options': 'Keuzes',
  'Selectbox options': 'Keuzes',
  'Selected values': 'Gekozen',
  'Link to heading': 'Link naar dit kopje',
  'Show data': 'Toon gegevens',
  'Show chart': 'Toon grafiek',
  'Fullscreen': 'Volledig scherm',
  'Close fullscreen': 'Sluit volledig scherm',
  'Download as CSV': 'Download als CSV',
  'Search': 'Zoeken',
  'Delete': 'Verwijder',
  'Remove file': 'Verwijder bestand',
  'Running...': 'Bezig…',
  'Copy to clipboard': 'Kopieer',
  'Copied!': 'Gekopieerd',
  'Page not found': 'Pagina niet gevonden',
  "The page that you have requested does not seem to exist. Running the app's main page.":
    'Deze pagina bestaat niet. U ziet de startpagina.',
};
const PATTERNS = [
  [/^Limit (.+) per file(.*)$/, 'Maximaal $1 per bestand$2'],
  [/^Select all (\d+) matches$/, 'Alle $1 resultaten kiezen'],
  [/^Help for (.+)$/, 'Uitleg bij $1'],
];

function translated(value) {
  const key = value.trim();
  if (!key) return null;
  if (Object.prototype.hasOwnProperty.call(TEXT, key)) return value.replace(key, TEXT[key]);
  for (const [re, out] of PATTERNS) if (re.test(key)) return value.replace(key, key.replace(re, out));
  return null;
}

function translate(root) {
  for (const attr of ['aria-label', 'title', 'placeholder']) {
    for (const el of root.querySelectorAll(`[${attr}]`)) {
      const t = translated(el.getAttribute(attr));
      if (t !== null) el.setAttribute(attr, t);
    }
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeValue.length < 120 && n.parentElement
      && !n.parentElement.closest('[data-testid="stMarkdownContainer"], .vega-embed, pre, code')
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = translated(n.nodeValue);
    if (t !== null) n.nodeValue = t;
  }
}

// Metric sparklines are drawn by Streamlit without a name; name them after their card.
function nameSparklines() {
  for (const svg of document.querySelectorAll('[data-testid="stMetric"] svg[role="graphics-document"]')) {
    if (svg.getAttribute('aria-label')) continue;
    const label = svg.closest('[data-testid="stMetric"]')
      .querySelector('[data-testid="stMetricLabel"]');
    const text = label ? label.textContent.trim() : '';
    svg.setAttribute('aria-label', `Verloop over de jaren${text ? ': ' + text : ''}`);
  }
}

// Fewer tab stops before the content: the chips of the sidebar's multiselect are not each a
// stop (the field itself is; Backspace removes the last chip, the list un-ticks any).
function trimSidebarTabStops() {
  for (const el of document.querySelectorAll(
    '[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"] [tabindex="0"]:not(input)')) {
    el.setAttribute('tabindex', '-1');
  }
}

// Change an attribute only when its value differs: every write to <html> restyles the whole
// page, and a write that is itself observed would keep the observer running every frame.
function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

// How many choices the page shows in its main area (for the switch's label).
const FILTER_WIDGETS = '[data-testid="stMain"] [data-testid="stElementContainer"]:has('
  + '[data-testid="stMultiSelect"], [data-testid="stSelectbox"], [data-testid="stButtonGroup"], '
  + '[data-testid="stRadio"], [data-testid="stSlider"], [data-testid="stCheckbox"], '
  + '[data-testid="stDateInput"], [data-testid="stNumberInput"])';

function updateSwitch() {
  const button = document.getElementById('swic-filters');
  if (!button) return;
  const open = document.documentElement.classList.contains(OPEN_CLASS);
  const count = document.querySelectorAll(FILTER_WIDGETS).length;
  const text = `${open ? 'Filters verbergen' : 'Filters tonen'} (${count})`;
  if (button.hidden !== (count === 0)) button.hidden = count === 0;
  setAttr(button, 'aria-expanded', String(open));
  // the text only when it changes: a new text node is a mutation, which would run this again
  if (button.textContent !== text) button.textContent = text;
}

function addSwitch() {
  if (document.getElementById('swic-filters')) return;
  const button = document.createElement('button');
  button.id = 'swic-filters';
  button.type = 'button';
  button.setAttribute('aria-controls', 'stMain');
  button.addEventListener('click', () => {
    document.documentElement.classList.toggle(OPEN_CLASS);
    updateSwitch();
  });
  document.body.appendChild(button);
}

function closeSidebarAfterNavigation(event) {
  const link = event.target.closest('[data-testid="stSidebarNav"] a');
  if (!link || !window.matchMedia(OVERLAY_SIDEBAR).matches) return;
  const collapse = document.querySelector(
    '[data-testid="stSidebarCollapseButton"] button, [data-testid="stSidebar"] button[aria-label="Zijbalk sluiten"], [data-testid="stSidebar"] button[aria-label="Collapse sidebar"]');
  if (collapse) window.setTimeout(() => collapse.click(), 0);
}

// On a phone the introduction is folded to three lines (app.css); a tap unfolds it.
function unfoldIntro(event) {
  const p = event.target.closest('[data-testid="stMain"] [data-testid="stMarkdownContainer"] > p:first-child');
  const box = p && p.closest('[data-testid="stElementContainer"]');
  const prev = box && box.previousElementSibling;
  if (prev && prev.querySelector('h1')) document.documentElement.classList.add('swic-intro-open');
}

// Streamlit's theme (system setting or the visitor's choice) -> html.swic-dark for app.css
function markTheme() {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return;
  const rgb = (getComputedStyle(app).backgroundColor.match(/\d+/g) || ['255', '255', '255']).map(Number);
  const dark = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 100;
  document.documentElement.classList.toggle('swic-dark', dark);
}

// Browser Back after a filter change. Streamlit writes a widget's value into the URL with
// history.replaceState, so Back would leave the app. When the visitor just changed something
// and only the query string of this page changes, that becomes a new history entry instead;
// Back then returns to the previous filters (Streamlit's popstate handler re-runs the page with
// them). Changes without a visitor's action (defaults, a corrected link) still replace.
function keepFilterHistory() {
  const history = window.history;
  const replace = history.replaceState.bind(history);
  let lastInput = 0;
  let lastPop = 0;
  const touched = () => { lastInput = Date.now(); };
  for (const kind of ['pointerdown', 'keydown', 'change', 'input']) {
    document.addEventListener(kind, touched, true);
  }
  window.addEventListener('popstate', () => { lastPop = Date.now(); });
  history.replaceState = function (state, title, url) {
    const now = Date.now();
    if (url && now - lastInput < 1500 && now - lastPop > 1500) {
      const next = new URL(url, window.location.href);
      if (next.pathname === window.location.pathname && next.search !== window.location.search) {
        return history.pushState(state, title, url);
      }
    }
    return replace(state, title, url);
  };
}

function install() {
  keepFilterHistory();
  addSwitch();
  document.addEventListener('click', unfoldIntro);
  document.addEventListener('click', closeSidebarAfterNavigation, true);
  let pending = false;
  // After React changed the page (once per animation frame at most). Nothing here writes what it
  // does not change, so the observer goes quiet between reruns. The theme is read elsewhere:
  // getComputedStyle forces a full style pass, and the theme changes only with <head>.
  const refresh = () => {
    pending = false;
    setAttr(document.documentElement, 'lang', 'nl');
    translate(document.body);
    nameSparklines();
    trimSidebarTabStops();
    updateSwitch();
  };
  const observer = new MutationObserver(() => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(refresh);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // a theme switch only swaps style sheets in <head>: look again then
  new MutationObserver(() => window.requestAnimationFrame(markTheme))
    .observe(document.head, { childList: true });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', markTheme);
  window.setInterval(markTheme, 1000);  // emotion may restyle through the CSSOM alone
  markTheme();
  refresh();
}

export default function (component) {
  // The dashboard speaks Dutch: tell screen readers and browsers (Streamlit sets lang="en").
  setAttr(document.documentElement, 'lang', 'nl');
  if (!window.swicPageInstalled) {
    window.swicPageInstalled = true;
    install();
  }
}
