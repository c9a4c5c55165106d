// The page's only DOM helper. Plain DOM on purpose (no framework): the example should show the
// client, not a UI library. `false`/`undefined` attributes are left out so that optional ones read
// naturally at the call site (`hidden: !shown`).
export type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children);
  return el;
}
