export default function(component) {
  const { setTriggerValue } = component;
  const onKey = (e) => {
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (['ArrowRight', 'PageDown', ' '].includes(e.key)) { e.preventDefault(); setTriggerValue('nav', 'next'); }
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) { e.preventDefault(); setTriggerValue('nav', 'prev'); }
    else if (e.key === 'Escape') { setTriggerValue('nav', 'exit'); }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
