import { readdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { defineConfig } from 'vite'

/**
 * Builds the benchmark for plain Node (an SSR build): the entry `run` and one file per child
 * process in `children/`, all into out/bench/. Node cannot run our TypeScript with its `@shared`
 * alias directly, hence this build; dependencies stay external and load from node_modules.
 */
const root = import.meta.dirname
const children = Object.fromEntries(
  readdirSync(join(root, 'children'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`children/${basename(file, '.ts')}`, join(root, 'children', file)]),
)

export default defineConfig({
  resolve: { alias: { '@shared': resolve(root, '..', 'src/shared') } },
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node22',
    outDir: resolve(root, '..', 'out/bench/dist'),
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      input: { run: join(root, 'run.ts'), ...children },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
})
