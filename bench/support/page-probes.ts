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

/**
 * Armed before a conversation is clicked: from the click's `pointerdown` it looks at every frame
 * for the thread's media attachments inside the thread's visible area, and resolves (as
 * `window.__thumbs.done`, on the page clock) once at least `expected` are in view and each of
 * them shows an `<img>` that is complete with a natural width, decoded, and a frame has been
 * painted since; with it, when the first message rows showed and (Resource Timing) when the first
 * `/media/` request went out and the last answer ended. Resolves with `ms: null` after 15 s,
 * saying what it last saw.
 */
export const armThumbnails = (expected: number) => `
  (() => {
    const state = { start: null, rowsAt: null };
    state.done = new Promise((resolve) => {
      document.addEventListener('pointerdown', () => { if (state.start === null) state.start = performance.now(); }, { capture: true, once: true });
      const deadline = performance.now() + 15000;
      let last = { inView: 0, ready: 0, rendered: 0 };
      const check = () => {
        if (performance.now() > deadline) return resolve({ ms: null, rowsMs: null, firstRequestMs: null, lastResponseMs: null, files: 0, ...last });
        if (state.start === null) return requestAnimationFrame(check);
        const region = document.querySelector('section[aria-label^="Conversation with "]');
        const list = region && region.querySelector('[role="list"][aria-label^="Messages with "]');
        if (!list) return requestAnimationFrame(check);
        if (state.rowsAt === null && list.querySelector('article, [role="article"]')) state.rowsAt = performance.now();
        const box = list.getBoundingClientRect();
        const top = Math.max(box.top, 0);
        const bottom = Math.min(box.bottom, window.innerHeight);
        const media = [...list.querySelectorAll('[data-testid="media"]')];
        const shown = media.filter((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.bottom > top && r.top < bottom; });
        const images = shown.map((el) => el.querySelector('img')).filter((img) => img && img.complete && img.naturalWidth > 0);
        last = { inView: shown.length, ready: images.length, rendered: media.length };
        if (shown.length < ${expected} || images.length < shown.length) return requestAnimationFrame(check);
        Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() =>
          requestAnimationFrame(() => {
            // A task queued from the frame callback runs once that frame has been produced.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const ms = performance.now() - state.start;
              const files = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith('/media/') && entry.startTime >= state.start);
              const firstRequestMs = files.length ? Math.min(...files.map((entry) => entry.startTime)) - state.start : null;
              const lastResponseMs = files.length ? Math.max(...files.map((entry) => entry.responseEnd)) - state.start : null;
              resolve({ ms, rowsMs: state.rowsAt - state.start, firstRequestMs, lastResponseMs, files: files.length, ...last });
            };
            channel.port2.postMessage(null);
          }),
        );
      };
      requestAnimationFrame(check);
    });
    window.__thumbs = state;
  })()
`
