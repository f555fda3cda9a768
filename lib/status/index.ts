// The status panel: what app/ and cli/ import. Sub-folders and the other modules here are private.
export type { ComponentStatus, ProviderStatus, StatusOverview, StoreStatus, VerdictState } from "@/lib/status/types";
export { VERDICT_STATES, COMPONENTS } from "@/lib/status/types";
export { getStoreStatuses, getComponentStatuses } from "./results";
export { getStatusOverview, readStatusSnapshot, type StatusSnapshot } from "./snapshot";
export { getStatusHistory, historyQuerySchema, BUCKETS, type Bucket, type HistorySeries } from "./history";
export { listIncidents, incidentsQuerySchema, type IncidentView } from "./incidents";
export {
  createMaintenanceWindow,
  cancelMaintenanceWindow,
  listMaintenanceWindows,
  maintenanceInputSchema,
  type MaintenanceView,
} from "./maintenance";
export {
  createAlertEndpoint,
  deleteAlertEndpoint,
  listAlertSetup,
  createTestAlert,
  alertEndpointSchema,
  type AlertEndpointView,
  type AlertDeliveryView,
} from "./alert-config";
export { queueDeliveries, STATUS_JOBS } from "./jobs";
export { runProbeCycle } from "./run-probes";
export { pollStatusPage, statusPageUrl } from "./page-poll";
export { rollUp, pruneHistory } from "./retention";
export { readProvider } from "./provider-read";
export { queryObject, overviewJson } from "./api";
export { bannerStoresOf, getBannerState, type BannerState, type BannerStore } from "./banner";
export { getSparklines, SPARK_BUCKETS } from "./sparklines";
