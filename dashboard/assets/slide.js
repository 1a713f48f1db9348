export default function(component) {
  // Presentation controls: buttons and keyboard (arrows, PageUp/PageDown, space, Esc).
  // Every step is an event back to Python (a rerun in this session, no page reload); Python
  // decides which slide comes next. "Volledig scherm" asks the browser for full screen.
  // The viewport size goes to Python (state "screen") when it differs from what Python last
  // knew: the slide's chart gets a fixed pixel size from it (a Vega "container" height is not
  // filled by Streamlit's chart element).
  const { data, parentElement, setTriggerValue, setStateValue } = component;
  if (data.go) {  // a slide with its own filters: Python asks for it to be opened as a link
    window.location.assign(data.go);
    return undefined;
  }
  const reportScreen = () => {
    const w = window.innerWidth, h = window.innerHeight;
    const known = data.screen || {};
    if (Math.abs((known.w || 0) - w) > 8 || Math.abs((known.h || 0) - h) > 8) {
      setStateValue('screen', { w, h });
    }
  };
  let resizeTimer = null;
  const onResize = () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(reportScreen, 250); };
  reportScreen();
  const send = (action) => setTriggerValue('nav', action);
  const bind = (sel, enabled, action) => {
    const b = parentElement.querySelector(sel);
    if (!b) return;
    b.disabled = !enabled;
    b.onclick = () => send(action);
  };
  bind('[data-nav="prev"]', data.prev, 'prev');
  bind('[data-nav="next"]', data.next, 'next');
  bind('[data-nav="close"]', true, 'close');
  const full = parentElement.querySelector('[data-nav="full"]');
  const fullLabel = () => {
    if (!full) return;
    const on = !!document.fullscreenElement;
    full.textContent = on ? 'Sluit volledig scherm' : 'Volledig scherm';
    full.setAttribute('aria-pressed', on ? 'true' : 'false');
  };
  if (full) {
    full.hidden = !document.fullscreenEnabled;
    full.onclick = () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
    };
    fullLabel();
  }
  const status = parentElement.querySelector('[data-nav="status"]');
  if (status) status.textContent = data.status || '';
  const onKey = (e) => {
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (['ArrowRight', 'PageDown', ' '].includes(e.key)) {
      e.preventDefault();
      if (data.next) send('next');
    } else if (['ArrowLeft', 'PageUp'].includes(e.key)) {
      e.preventDefault();
      if (data.prev) send('prev');
    } else if (e.key === 'Escape' && !document.fullscreenElement) {
      send('close');  // in full screen the browser's Esc leaves full screen first
    }
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', fullLabel);
  window.addEventListener('resize', onResize);
  return () => {
    clearTimeout(resizeTimer);
    window.removeEventListener('resize', onResize);
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', fullLabel);
  };
}
