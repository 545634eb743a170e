import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadBuilderConfig, projectRoot } from './packaging-support'

interface Step {
  name?: string
  uses?: string
  if?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, string | number | boolean>
}
interface Job {
  needs?: string
  if?: string
  'runs-on': string
  permissions?: Record<string, string>
  strategy?: { matrix: { include: { platform: string; runner: string }[] } }
  steps: Step[]
}
interface Workflow {
  on: { push: { tags: string[] }; workflow_dispatch: unknown }
  permissions: Record<string, string>
  jobs: Record<string, Job>
}

const workflow = parse(readFileSync(join(projectRoot, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow
const installers = workflow.jobs.installers!
const release = workflow.jobs.release!
const step = (job: Job, match: (step: Step) => boolean) => {
  const found = job.steps.find(match)
  expect(found).toBeDefined()
  return found!
}

describe('release workflow (.github/workflows/release.yml)', () => {
  it('runs on a version tag (and by hand), reading the repository only, except the release job', () => {
    expect(workflow.on.push.tags).toEqual(['v*'])
    expect('workflow_dispatch' in workflow.on).toBe(true)
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(release.permissions).toEqual({ contents: 'write' })
  })

  it('builds each platform’s installers on that platform with `npm run dist`', () => {
    expect(installers.strategy?.matrix.include.map(({ platform, runner }) => [platform, runner.split('-')[0]])).toEqual([
      ['linux', 'ubuntu'],
      ['mac', 'macos'],
      ['win', 'windows'],
    ])
    expect(step(installers, (s) => s.uses?.startsWith('actions/setup-node@') ?? false).with?.['node-version']).toBe(22)
    expect(step(installers, (s) => s.run === 'npm ci')).toBeDefined()
    expect(step(installers, (s) => s.run?.includes('libsecret-1-dev') ?? false).if).toBe("runner.os == 'Linux'")
    expect(step(installers, (s) => s.run?.startsWith('npm run dist') ?? false).run).toBe('npm run dist -- --${{ matrix.platform }} --publish never')
  })

  it('passes on only the signing secrets that exist, each to its own platform, and none to the build by name', () => {
    const signing = step(installers, (s) => s.name?.startsWith('Signing secrets') ?? false)
    const mac = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']
    const windows = ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']
    expect(Object.keys(signing.env ?? {}).sort()).toEqual([...mac, ...windows].sort())
    for (const name of [...mac, ...windows]) expect(signing.env?.[name]).toBe(`\${{ secrets.${name} }}`)
    expect(signing.run).toContain(`macOS) names="${mac.join(' ')}" ;;`)
    expect(signing.run).toContain(`Windows) names="${windows.join(' ')}" ;;`)
    expect(signing.run).toContain('*) names="" ;;')
    expect(signing.run).toContain('if [ -n "${!name}" ]; then')
    const build = step(installers, (s) => s.run?.startsWith('npm run dist') ?? false)
    expect(build.env).toBeUndefined()
  })

  it('uploads every installer the config names, and attaches them to a draft release for the tag', async () => {
    const { default: config } = await loadBuilderConfig()
    const upload = step(installers, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false)
    const paths = String(upload.with?.path).trim().split('\n')
    const extensions = [...(config.linux?.target as string[]), 'dmg', 'exe']
    expect(paths).toEqual(extensions.map((extension) => `dist/*.${extension}`))
    expect(upload.with?.['if-no-files-found']).toBe('error')

    expect(release.needs).toBe('installers')
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')")
    const publish = step(release, (s) => s.run?.includes('gh release') ?? false)
    expect(publish.run).toContain('--draft')
    expect(publish.run).toContain('gh release upload "$TAG" installers/*')
  })
})
