/**
 * Calls `start` once, the first time `element` is on screen: elements that run Python by
 * themselves (<py-dis>, <py-frames>) start the interpreter then, not on page load.
 * Returns a function that stops watching.
 */
export function onFirstView(element: Element, start: () => void): () => void {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    start();
  });
  observer.observe(element);
  return () => observer.disconnect();
}
