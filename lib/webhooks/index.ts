// Adyen standard notifications: receiving (auth, HMAC, durable storage), follow-up jobs, and reading them back.
export {
  authenticateWebhookCaller,
  logRefusal as logWebhookRefusal,
  receiveAuthenticatedBody,
  receiveNotifications,
  webhookSettings,
  type ReceiveOptions,
  type ReceiveResult,
  type WebhookSettings,
} from "@/lib/webhooks/receive";
export { afterWebhooksStored } from "@/lib/webhooks/after-stored";
export { INSERT_EVENTS_SQL, type SqlRunner } from "@/lib/webhooks/store-events";
export { normalizeItem, parseEnvelope, dedupeKeyOf, type PaymentEventRow } from "@/lib/webhooks/notification-schema";
export { ADDITIONAL_DATA_KEYS } from "@/lib/webhooks/additional-data";
export {
  listPaymentEvents,
  paymentEventsQuerySchema,
  type PaymentEventView,
} from "@/lib/webhooks/payment-events-query";
