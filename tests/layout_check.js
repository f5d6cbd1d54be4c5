// What a reader of the page at this width would find wrong (tests/test_browser.py): the page wider than the
// window, a chart drawn past its frame or with text cut at its edge (a legend losing "Rendah") or a value label
// on its reference line ("92,97" across the dashed 100 % line), English or code
// text from the list given, where it is visible (Streamlit texts replaced by style.css have font-size 0), and
// English labels in attributes, hidden elements included (a button's name, a tooltip, a placeholder: what a
// screen reader says; translated by kinerja/web/bahasa.js).
([english, labels]) => {
  const width = window.innerWidth;
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > width) problems.push(`page ${doc.scrollWidth}px wide`);
  const main = document.querySelector('[data-testid="stMain"]');
  if (main && main.scrollWidth > main.clientWidth + 1) problems.push(`main ${main.scrollWidth}px wide in ${main.clientWidth}`);
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const box = chart.getBoundingClientRect();
    for (const drawn of chart.querySelectorAll('canvas, svg.marks')) {
      const r = drawn.getBoundingClientRect();
      if (r.right > box.right + 2 || r.right > width + 1) problems.push(`chart cut: ${Math.round(r.right)} > ${Math.round(Math.min(box.right, width))}`);
      // a legend entry or label beyond the drawing's edge is cut off (Vega draws it, the frame hides it)
      const texts = drawn.tagName === 'CANVAS' ? [] : [...drawn.querySelectorAll('text')];
      for (const t of texts) {
        const tr = t.getBoundingClientRect();
        if (t.textContent.trim() && tr.width && (tr.right > r.right + 1 || tr.left < r.left - 1)) {
          problems.push(`chart text cut: "${t.textContent.trim().slice(0, 40)}"`); break;
        }
      }
      // a value label touching a reference line (the dashed 100 % target) is hard to read
      const lines = drawn.tagName === 'CANVAS' ? [] : [...drawn.querySelectorAll('.mark-rule.role-mark line')]
        .map(l => l.getBoundingClientRect());
      for (const t of drawn.tagName === 'CANVAS' ? [] : drawn.querySelectorAll('.mark-text.role-mark text')) {
        const tr = t.getBoundingClientRect();
        if (tr.width && lines.some(l => tr.left <= l.right + 1 && tr.right >= l.left - 1 && tr.top <= l.bottom && tr.bottom >= l.top)) {
          problems.push(`chart label on its line: "${t.textContent.trim().slice(0, 40)}"`); break;
        }
      }
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!parent || !node.textContent.trim()) continue;
    if (parent.closest('script, style, [data-testid="stSidebarNav"] [data-testid="stIconMaterial"], [data-testid="stIconMaterial"]')) continue;
    const style = getComputedStyle(parent);
    if (style.fontSize === '0px' || style.visibility === 'hidden' || style.display === 'none' || !parent.getClientRects().length) continue;
    for (const word of english) {
      const found = new RegExp(`(^|[^A-Za-z_])${word}([^A-Za-z_]|$)`).test(node.textContent);
      if (found && !seen.has(word)) { seen.add(word); problems.push(`English/code "${word}": ${node.textContent.trim().slice(0, 80)}`); }
    }
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const text = element.getAttribute(name) || '';
      const word = labels.find(w => text.startsWith(w));
      if (word && !seen.has(word)) { seen.add(word); problems.push(`English ${name} "${text.slice(0, 80)}"`); }
    }
  }
  return problems;
}
