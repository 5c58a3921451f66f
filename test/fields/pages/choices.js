// The group's attributes from the query (?accepted-brands=visa&auto-advance), or, with
// ?as=property, through its properties (an array for acceptedBrands) before the SDK loads.
const group = document.getElementById('group');
const query = new window.URLSearchParams(window.location.search);
const asProperty = query.get('as') === 'property';
const properties = {
  'accepted-brands': 'acceptedBrands',
  'preferred-network': 'preferredNetwork',
  'auto-advance': 'autoAdvance',
};
for (const [attribute, property] of Object.entries(properties)) {
  if (!query.has(attribute)) continue;
  const value = query.get(attribute);
  if (!asProperty) group.setAttribute(attribute, value);
  else if (attribute === 'accepted-brands') group[property] = value.split(' ');
  else group[property] = attribute === 'auto-advance' ? true : value;
}
