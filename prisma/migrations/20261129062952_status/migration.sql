-- CreateTable
CREATE TABLE "status_store_keys" (
    "store_id" TEXT NOT NULL,
    "key" INTEGER NOT NULL,

    CONSTRAINT "status_store_keys_pkey" PRIMARY KEY ("store_id")
);

-- CreateTable
CREATE TABLE "status_probe_runs" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "outcome" SMALLINT,
    "latency_ms" INTEGER,
    "outcomes" SMALLINT[],
    "latencies" INTEGER[],
    "connected" SMALLINT[],
    "totals" SMALLINT[],
    "errors" JSONB,

    CONSTRAINT "status_probe_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_rollups" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "runs" INTEGER NOT NULL,
    "up_counts" INTEGER[],
    "deg_counts" INTEGER[],
    "down_counts" INTEGER[],
    "unk_counts" INTEGER[],
    "latency_sum" BIGINT[],
    "latency_n" INTEGER[],
    "latency_max" INTEGER[],

    CONSTRAINT "status_rollups_pkey" PRIMARY KEY ("kind","hour")
);

-- CreateTable
CREATE TABLE "status_verdicts" (
    "subject" TEXT NOT NULL,
    "store_id" TEXT,
    "state" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "memory" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_verdicts_pkey" PRIMARY KEY ("subject")
);

-- CreateTable
CREATE TABLE "status_transitions" (
    "id" BIGSERIAL NOT NULL,
    "subject" TEXT NOT NULL,
    "store_id" TEXT,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "incident_id" BIGINT,

    CONSTRAINT "status_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_incidents" (
    "id" BIGSERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "worst" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "subjects" TEXT[],
    "open" TEXT[],

    CONSTRAINT "status_incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" UUID NOT NULL,
    "store_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_provider_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "url" TEXT NOT NULL,
    "format" TEXT,
    "state" TEXT NOT NULL,
    "payments_state" TEXT NOT NULL,
    "indicator" TEXT,
    "description" TEXT NOT NULL,
    "reason" TEXT,
    "latency_ms" INTEGER,
    "components" JSONB NOT NULL,
    "incidents" JSONB NOT NULL,
    "maintenances" JSONB NOT NULL,

    CONSTRAINT "status_provider_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_endpoints" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "transition_id" BIGINT,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_probe_terminals" (
    "store_id" TEXT NOT NULL,
    "terminal_id" TEXT NOT NULL,

    CONSTRAINT "status_probe_terminals_pkey" PRIMARY KEY ("store_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "status_store_keys_key_key" ON "status_store_keys"("key");

-- CreateIndex
CREATE INDEX "status_probe_runs_kind_started_at_idx" ON "status_probe_runs"("kind", "started_at");

-- CreateIndex
CREATE INDEX "status_probe_runs_started_at_idx" ON "status_probe_runs"("started_at");

-- CreateIndex
CREATE INDEX "status_verdicts_store_id_idx" ON "status_verdicts"("store_id");

-- CreateIndex
CREATE INDEX "status_transitions_subject_at_idx" ON "status_transitions"("subject", "at");

-- CreateIndex
CREATE INDEX "status_transitions_at_idx" ON "status_transitions"("at");

-- CreateIndex
CREATE INDEX "status_incidents_started_at_idx" ON "status_incidents"("started_at");

-- CreateIndex
CREATE INDEX "maintenance_windows_store_id_ends_at_idx" ON "maintenance_windows"("store_id", "ends_at");

-- CreateIndex
CREATE INDEX "status_provider_snapshots_fetched_at_idx" ON "status_provider_snapshots"("fetched_at");

-- CreateIndex
CREATE INDEX "alert_deliveries_created_at_idx" ON "alert_deliveries"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_deliveries_endpoint_id_transition_id_key" ON "alert_deliveries"("endpoint_id", "transition_id");

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "alert_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

