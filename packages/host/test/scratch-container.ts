// A fresh element in the document for each test, removed after it: the host's helpers read
// computed styles and the tree, which need nodes in a real document.

/** Returns a getter for the current test's container (a `div` in `document.body`). */
export function scratchContainer(): () => HTMLElement {
  let container: HTMLElement | undefined;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    container?.remove();
    container = undefined;
  });
  return () => {
    if (!container) throw new Error('scratchContainer: only inside a test');
    return container;
  };
}
