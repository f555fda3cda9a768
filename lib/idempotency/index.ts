// Public entry point of the idempotency migration checker: what app/ and cli/ import.
export {
  FINDING_CODES,
  SEVERITY,
  isFindingCode,
  type FindingCode,
  type FindingCounts,
  type Severity,
} from "@/lib/idempotency/codes";
export type { AnalysisKind } from "@/lib/idempotency/analyze";
export { analyzeTraffic, type AnalysisInput, type StreamedFiles } from "@/lib/idempotency/submit";
export { cancelAnalysis, deleteAnalysis } from "@/lib/idempotency/manage";
export {
  retentionDays as idempotencyRetentionDays,
  spaceUsed as idempotencySpaceUsed,
  type SpaceUsed,
} from "@/lib/idempotency/retention";
export { analyzeDashboard, dashboardAuditJob, DASHBOARD_SOURCE } from "@/lib/idempotency/dashboard";
export { findingsFilterSchema, FILTER_KEYS, type FindingsFilter } from "@/lib/idempotency/filters";
export {
  getAnalysis,
  getChain,
  latestAnalysisId,
  listAnalyses,
  listFindings,
  listReadiness,
  type AnalysisDetail,
  type AnalysisListItem,
  type ChainDetail,
  type FindingItem,
  type ReadinessItem,
} from "@/lib/idempotency/queries";
export { DIMENSIONS, type Dimension, type Verdict } from "@/lib/idempotency/readiness";
export { extraHostsFor } from "@/lib/idempotency/normalize";
export { startAdyenExchangeRecording, flushAdyenExchangeRecording } from "@/lib/idempotency/recorder";
export {
  lastSelfTest,
  runSelfTest,
  type SelfTestDeps,
  type SelfTestResult,
  type SelfTestStep,
} from "@/lib/idempotency/self-test";
export type { AnalysisSummary, FileProblem } from "@/lib/idempotency/summary";
export { loadTrend, ADYEN_RETIREMENT, type Trend, type TrendPoint } from "@/lib/idempotency/trend";
export type { Evidence } from "@/lib/idempotency/types";
export {
  limitedBody,
  oneFile,
  requestChunks,
  splitUpload,
  uploadLimitBytes,
  type UploadPart,
} from "@/lib/idempotency/upload";
