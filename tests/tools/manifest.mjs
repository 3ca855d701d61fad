// The Custom Elements Manifest (custom-elements.json) of <myna-hoken>, written
// from the element's JSDoc (www/element/myna-hoken-element.js: @attr, @prop,
// @event, @slot, @csspart, @cssproperty), and that comment checked against
// what the element really has: its observedAttributes, every part= it
// renders, every --myna-hoken-* property its CSS reads, every event it
// dispatches, and the README's table and lists.
//   node tests/tools/manifest.mjs DIR     writes DIR/custom-elements.json
//   node tests/tools/manifest.mjs --check only checks
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const source = read('www/element/myna-hoken-element.js');

/** The JSDoc block right above `export class <name>`. */
function docOf(text, name) {
  const at = text.indexOf(`export class ${name}`);
  const start = text.lastIndexOf('/**', at);
  return text.slice(start + 3, text.lastIndexOf('*/', at)).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
}

/** `@tag {type} name - description` lines (type and name optional). */
function tags(lines) {
  const out = [];
  const description = [];
  for (const line of lines) {
    const m = line.match(/^@(\w+)\s*(?:\{(.*?)\}(?=\s))?\s*(.*)$/);
    if (m) {
      // `name - text`, or `- text` for the default slot.
      const [, tag, type, rest] = m;
      const [name, text] = rest.startsWith('- ') ? ['', rest.slice(2)] : [rest.split(/\s/)[0], rest.split(' - ').slice(1).join(' - ')];
      out.push({ tag, type: type ?? null, name, text });
    }
    else if (!out.length && line.trim()) description.push(line.trim());
  }
  return { description: description.join(' '), tags: out };
}

const NAME = 'MynaHoken';
const { description, tags: all } = tags(docOf(source, NAME));
const pick = (...names) => all.filter((t) => names.includes(t.tag));
const typed = (t) => (t.type ? { type: { text: t.type } } : {});

export function manifest() {
  const attributes = pick('attr', 'attribute').map((t) => ({ name: t.name, ...typed(t), description: t.text }));
  const members = pick('prop', 'property').map((t) => {
    const readonly = t.text.startsWith('(read-only)');
    return { kind: 'field', name: t.name, ...typed(t), description: t.text.replace(/^\(read-only\)\s*/, ''), ...(readonly ? { readonly: true } : {}) };
  });
  const events = pick('event', 'fires').map((t) => ({ name: t.name, ...typed(t), description: t.text }));
  const slots = pick('slot').map((t) => ({ name: t.name, description: t.text }));
  const cssParts = pick('csspart').map((t) => ({ name: t.name, description: t.text }));
  const cssProperties = pick('cssproperty', 'cssprop').map((t) => {
    const [text, dflt] = t.text.split(' | ');
    return { name: t.name, description: text, ...(dflt ? { default: dflt } : {}) };
  });
  const version = read('Cargo.toml').match(/^version\s*=\s*"([^"]+)"/m)[1];
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: 'myna-hoken.js',
      declarations: [{
        kind: 'class', name: NAME, description, tagName: 'myna-hoken', customElement: true,
        superclass: { name: 'HTMLElement' },
        attributes, members, events, slots, cssParts, cssProperties,
      }],
      exports: [
        { kind: 'js', name: NAME, declaration: { name: NAME, module: 'myna-hoken.js' } },
        { kind: 'custom-element-definition', name: 'myna-hoken', declaration: { name: NAME, module: 'myna-hoken.js' } },
      ],
    }],
    // Not part of the schema's required keys; kept for people reading the file.
    package: { name: 'myna-hoken', version },
  };
}

/** Every difference between the comment and the element, its CSS and the README. */
export function problems(m = manifest()) {
  const d = m.modules[0].declarations[0];
  const out = [];
  const same = (what, documented, real) => {
    const a = [...new Set(documented)].sort();
    const b = [...new Set(real)].sort();
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${what}: the JSDoc says ${JSON.stringify(a)}, the element has ${JSON.stringify(b)}`);
  };
  const observed = source.match(/static observedAttributes = \[([^\]]*)\]/)[1].match(/'([^']+)'/g).map((s) => s.slice(1, -1));
  same('attributes', d.attributes.map((a) => a.name), observed);
  const elementFiles = readdirSync(new URL('www/element/', root)).filter((f) => f.endsWith('.js')).map((f) => read(`www/element/${f}`)).join('\n');
  same('parts', d.cssParts.map((p) => p.name), [...elementFiles.matchAll(/\bpart: '([a-z-]+)'/g)].map((x) => x[1]));
  same('events', d.events.map((e) => e.name), [...elementFiles.matchAll(/new CustomEvent\('([a-z-]+)'/g)].map((x) => x[1]));
  same('CSS custom properties', d.cssProperties.map((p) => p.name), [...read('www/myna-hoken.css').matchAll(/var\((--myna-hoken-[a-z-]+)/g)].map((x) => x[1]));
  const readme = read('README.md');
  for (const name of [...d.attributes.map((a) => a.name), ...d.members.map((p) => p.name), ...d.events.map((e) => e.name), ...d.cssParts.map((p) => p.name), ...d.cssProperties.map((p) => p.name)]) {
    if (!readme.includes(`\`${name}\``)) out.push(`README.md does not name \`${name}\``);
  }
  return out;
}

const found = problems();
if (found.length) {
  console.error(`[manifest] the element's JSDoc and the element disagree:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
if (process.argv[2] && process.argv[2] !== '--check') {
  writeFileSync(`${process.argv[2]}/custom-elements.json`, `${JSON.stringify(manifest(), null, 2)}\n`);
  console.log(`[manifest] ${process.argv[2]}/custom-elements.json written from the element's JSDoc`);
} else {
  console.log('[manifest] the element\'s JSDoc names every attribute, property, event, part and custom property it has, and the README names them');
}
