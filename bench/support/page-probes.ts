/**
 * Scripts that run inside the page (plain JavaScript: the bench is type-checked without the DOM
 * library). They record, on the page's own clock, when things appear, so that the figures do not
 * include Playwright's round trips.
 */

/** Installed before the app loads: long tasks, and the moment the conversation list first shows rows. */
export const installProbes = `
  window.__bench = { longTasks: [], inboxAt: null, navKeyAt: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('keydown', (event) => {
    if (event.ctrlKey && event.key === '2' && window.__bench.navKeyAt === null) window.__bench.navKeyAt = performance.now();
  }, true);
  const watch = new MutationObserver(() => {
    if (window.__bench.inboxAt === null && document.querySelector('[role="listbox"][aria-label="Conversations"] [role="option"]')) {
      window.__bench.inboxAt = performance.now();
    }
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
`

/**
 * Types a query into the search box (one input event, as a paste or the last keystroke does)
 * and resolves, on the page clock, with how long until the answer is on screen.
 */
export const searchOnce = (query: string) => `
  new Promise((resolve, reject) => {
    const box = document.querySelector('input[aria-label="Search messages"]');
    if (!box) return reject(new Error('no search box'));
    const answered = () => [...document.querySelectorAll('[role="status"]')].some((el) => /message(s)? found|No messages match/.test(el.textContent ?? ''));
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const startedWall = Date.now();
    const started = performance.now();
    const timer = setTimeout(() => { watch.disconnect(); resolve({ ms: null, startedWall }); }, 30000);
    const watch = new MutationObserver(() => {
      if (answered()) {
        const ms = performance.now() - started;
        clearTimeout(timer);
        watch.disconnect();
        requestAnimationFrame(() => resolve({ ms, startedWall }));
      }
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    setValue.call(box, ${JSON.stringify(query)});
    box.dispatchEvent(new Event('input', { bubbles: true }));
  })
`

/** Rows of each list on screen now. */
export const countRows = `({
  conversations: document.querySelectorAll('[role="listbox"][aria-label="Conversations"] [role="option"]').length,
  messages: document.querySelectorAll('[role="list"][aria-label^="Messages with"] [role="article"], [role="list"][aria-label^="Messages with"] article').length,
  all: document.querySelectorAll('[role="option"], [role="article"], article').length,
})`
