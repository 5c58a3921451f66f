/**
 * Reflecting properties, for frameworks that set properties (React 19, Vue) as well as for
 * markup that sets attributes: every property is its attribute.
 */

/** Sets `name` to `value`, or removes it for `null`/`undefined`. */
export function reflect(element: Element, name: string, value: unknown): void {
  if (value == null) element.removeAttribute(name);
  else element.setAttribute(name, String(value));
}

/**
 * A property set before the element was defined is an own property that hides the class's
 * accessor: take it off and set it again through the accessor, so that it takes effect.
 */
export function upgradeProperties(element: HTMLElement, names: string[]): void {
  const properties = element as unknown as Record<string, unknown>;
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(element, name)) {
      const value = properties[name];
      delete properties[name];
      properties[name] = value;
    }
  }
}
