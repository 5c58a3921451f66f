/**
 * The element's attributes from the component's props, without the unset ones: an attribute
 * that is absent keeps the element's default (`name` = `card_token`) instead of being set to
 * empty and removed again. The same object serves server rendering (where it becomes markup)
 * and the browser (where Vue sets each as a property of the defined element, which reflects).
 */
export function attributes(
  values: Record<string, string | boolean | null | undefined>,
): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    // A boolean attribute is present (empty) or absent: `disabled="false"` would disable.
    if (value === true) present[name] = '';
    else if (typeof value === 'string') present[name] = value;
  }
  return present;
}
