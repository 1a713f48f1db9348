export default function(component) {
  // The dashboard speaks Dutch: tell screen readers and browsers (Streamlit sets lang="en").
  document.documentElement.setAttribute('lang', 'nl');
}
