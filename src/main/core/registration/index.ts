export {
  setAppCallback,
  subscribeAppToWaba,
  setWabaOverride,
  setPhoneNumberOverride,
  deleteAppSubscription,
  getAppSubscriptions,
  getSubscribedApps,
  getWebhookConfiguration,
} from './meta-calls'
export { WebhookRegistrar, type RegistrarDeps } from './registrar'
export { analyseHealth, type HealthFacts, type HealthAnalysis } from './health-problems'
export { readAppSubscription, readSubscribedApps, readWebhookConfiguration } from './graph-answers'
export { registrationFailure } from './graph-failure'
