// The page's texts, rendered by the server from its resource bundles into a data-texts attribute.

/** A function that returns the text for a key with {0}, {1}… filled in; the key itself if there is none. */
export function textsOf(element) {
  const texts = JSON.parse(element.dataset.texts || '{}');
  return (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (whole, i) => (i < args.length ? args[i] : whole));
}
