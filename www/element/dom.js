// The DOM helper: elements built with createElement and textContent only (no
// HTML strings, so Trusted Types may be required by the embedding page).

/** h('p', { class: 'mh-x', text: '…', onclick }, child, …): an element. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c);
  return el;
}

/** Replaces the placeholders "{name}" of a catalog text with nodes or strings. */
export function fillNodes(template, slots) {
  return String(template).split(/(\{\w+\})/).filter(Boolean)
    .map((part) => (/^\{\w+\}$/.test(part) ? slots[part.slice(1, -1)] ?? part : part));
}

/** Makes phone numbers in a text callable (tel: links). */
export function withPhones(text) {
  return String(text).split(/(0\d{2,3}-\d{2,4}-\d{3,4})/).map((part, i) =>
    (i % 2 ? h('a', { href: `tel:${part.replaceAll('-', '')}`, class: 'mh-tel', text: part }) : part));
}
