export default function(component) {
  // Presentation controls: buttons and keyboard (arrows, PageUp/PageDown, space, Esc).
  // URLs come from Python (relative links to known pages, built with urlencode), never from HTML.
  const { data, parentElement } = component;
  const go = (url) => { if (url) window.location.assign(url); };
  const bind = (sel, url) => {
    const b = parentElement.querySelector(sel);
    if (!b) return;
    b.disabled = !url;
    b.onclick = () => go(url);
  };
  bind('[data-nav="prev"]', data.prev);
  bind('[data-nav="next"]', data.next);
  bind('[data-nav="close"]', data.close);
  const status = parentElement.querySelector('[data-nav="status"]');
  if (status) status.textContent = data.status || '';
  const onKey = (e) => {
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (['ArrowRight', 'PageDown', ' '].includes(e.key)) { e.preventDefault(); go(data.next); }
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) { e.preventDefault(); go(data.prev); }
    else if (e.key === 'Escape') { go(data.close); }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
