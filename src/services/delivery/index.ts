/** The delivery use cases: deliver a release folder, test a destination. */
export { deliverRelease } from './deliver-release.js';
export { testDestination } from './test-destination.js';
export { validateTarget } from './validate-target.js';
export type {
  DeliverRequest,
  DeliveryDeps,
  DeliveryEvent,
  DestinationOutcome,
  DestinationRequest,
  DestinationTestResult,
  ErrorSummary,
} from './types.js';
