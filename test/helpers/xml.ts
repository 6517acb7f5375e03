// A strict XML 1.0 well-formedness check with namespaces, enough to say an XMP packet is XML: legal
// characters only, every tag closed in order, attributes quoted and unique, entity references known,
// every prefix declared. Returns the element tree, or throws with what is wrong and where.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const LEGAL = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_:][A-Za-z0-9._:\u00B7\u00C0-\uFFFD-]*$/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`"<" in text or attribute at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" at ${where}`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; at ${where}`);
    const char = String.fromCodePoint(parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10));
    if (!LEGAL.test(char)) throw new Error(`reference to an illegal character &${ref}; at ${where}`);
    return char;
  });
}

export function parseXml(xml: string): XmlElement {
  if (!LEGAL.test(xml)) {
    const bad = [...xml].find((c) => !LEGAL.test(c))!;
    throw new Error(`illegal character U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  const stack: { element: XmlElement; namespaces: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const prefixed = (name: string, namespaces: Map<string, string>, where: number) => {
    const colon = name.indexOf(':');
    if (colon < 0) return;
    const prefix = name.slice(0, colon);
    if (prefix !== 'xml' && prefix !== 'xmlns' && !namespaces.has(prefix)) throw new Error(`undeclared prefix "${prefix}" at ${where}`);
  };
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (text) {
      const decoded = decode(text, pos);
      if (stack.length === 0) {
        if (decoded.trim()) throw new Error(`text outside the root element at ${pos}`);
      } else stack.at(-1)!.element.text += decoded;
    }
    if (lt < 0) break;
    pos = lt;
    if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos);
      if (end < 0) throw new Error(`unclosed processing instruction at ${pos}`);
      pos = end + 2;
    } else if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos);
      if (end < 0) throw new Error(`unclosed comment at ${pos}`);
      pos = end + 3;
    } else if (xml.startsWith('<![CDATA[', pos)) {
      const end = xml.indexOf(']]>', pos);
      if (end < 0 || stack.length === 0) throw new Error(`bad CDATA at ${pos}`);
      stack.at(-1)!.element.text += xml.slice(pos + 9, end);
      pos = end + 3;
    } else if (xml.startsWith('</', pos)) {
      const m = /^<\/([^\s>]+)\s*>/.exec(xml.slice(pos));
      const open = stack.pop();
      if (!m || !open || open.element.name !== m[1]) throw new Error(`end tag ${m?.[1] ?? '?'} does not close ${open?.element.name ?? 'anything'} at ${pos}`);
      pos += m[0].length;
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(pos));
      if (!m || !NAME.test(m[1]!)) throw new Error(`malformed tag at ${pos}`);
      if (!stack.length && root) throw new Error(`a second root element at ${pos}`);
      const attributes: Record<string, string> = {};
      const namespaces = new Map(stack.at(-1)?.namespaces ?? []);
      for (const a of m[2]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (!NAME.test(a[1]!)) throw new Error(`bad attribute name ${a[1]} at ${pos}`);
        if (a[1]! in attributes) throw new Error(`attribute ${a[1]} twice at ${pos}`);
        attributes[a[1]!] = decode(a[2] ?? a[3] ?? '', pos);
        if (a[1]!.startsWith('xmlns:')) namespaces.set(a[1]!.slice(6), attributes[a[1]!]!);
      }
      prefixed(m[1]!, namespaces, pos);
      for (const name of Object.keys(attributes)) prefixed(name, namespaces, pos);
      const element: XmlElement = { name: m[1]!, attributes, children: [], text: '' };
      if (stack.length) stack.at(-1)!.element.children.push(element);
      else root = element;
      if (!m[3]) stack.push({ element, namespaces });
      pos += m[0].length;
    }
  }
  if (stack.length) throw new Error(`unclosed element ${stack.at(-1)!.element.name}`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of that name, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => findAll(c, name))];
}
