import type { Handlers } from '../dispatch'
import type { ComposerService } from './service'

type ComposerCalls = 'composer.check' | 'composer.templates' | 'composer.send' | 'composer.markRead' | 'composer.settings' | 'composer.setSettings' | 'composer.draft' | 'composer.saveDraft'

export function composerHandlers(composer: ComposerService): Pick<Handlers, ComposerCalls> {
  return {
    'composer.check': ({ to }) => composer.check(to),
    'composer.templates': async (input) => ({ templates: await composer.templates((input?.status ?? 'APPROVED') === 'APPROVED') }),
    'composer.send': ({ to, message, replyTo }) => composer.send(to, message, replyTo),
    'composer.markRead': ({ messageId, typing }) => composer.markRead(messageId, typing),
    'composer.settings': () => composer.settings(),
    'composer.setSettings': (settings) => composer.setSettings(settings),
    'composer.draft': ({ contact }) => ({ text: composer.draft(contact) }),
    'composer.saveDraft': ({ contact, text }) => ({ text: composer.saveDraft(contact, text) }),
  }
}
