/**
 * The renderer's stores run in Node here: the one browser fact they read is whether the page is
 * hidden (an open thread is marked read only while someone can see it). Nothing else is stubbed.
 */
Object.defineProperty(globalThis, 'document', { value: { hidden: false }, configurable: true })
