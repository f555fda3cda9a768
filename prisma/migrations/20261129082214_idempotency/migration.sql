-- CreateTable
CREATE TABLE "idempotency_analyses" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "files" INTEGER NOT NULL DEFAULT 0,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "adyen_requests" INTEGER NOT NULL DEFAULT 0,
    "chains" INTEGER NOT NULL DEFAULT 0,
    "findings_total" INTEGER NOT NULL DEFAULT 0,
    "readiness" DOUBLE PRECISION,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "idempotency_analyses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_inputs" (
    "analysis_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT,
    "compressed" BOOLEAN NOT NULL DEFAULT false,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "content_bytes" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "complete" BOOLEAN NOT NULL DEFAULT true,
    "stopped_at" TEXT,
    "reason" TEXT,

    CONSTRAINT "idempotency_inputs_pkey" PRIMARY KEY ("analysis_id","position")
);

-- CreateTable
CREATE TABLE "idempotency_chains" (
    "analysis_id" UUID NOT NULL,
    "chain_no" INTEGER NOT NULL,
    "endpoint" TEXT NOT NULL,
    "merchant_account" TEXT,
    "reference" TEXT,
    "region" TEXT NOT NULL,
    "client" TEXT,
    "first_at" TIMESTAMPTZ(3),
    "last_at" TIMESTAMPTZ(3),
    "attempt_count" INTEGER NOT NULL,
    "key_count" INTEGER NOT NULL,
    "codes" TEXT[],
    "attempts" JSON NOT NULL,

    CONSTRAINT "idempotency_chains_pkey" PRIMARY KEY ("analysis_id","chain_no")
);

-- CreateTable
CREATE TABLE "idempotency_findings" (
    "id" BIGSERIAL NOT NULL,
    "analysis_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "chain_no" INTEGER,
    "at" TIMESTAMPTZ(3),
    "endpoint" TEXT,
    "merchant_account" TEXT,
    "region" TEXT,
    "client" TEXT,
    "idempotency_key" TEXT,
    "detail" JSON NOT NULL,
    "evidence" JSON NOT NULL,

    CONSTRAINT "idempotency_findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_readiness" (
    "analysis_id" UUID NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "ready" INTEGER NOT NULL,
    "findings" JSONB NOT NULL,
    "verdict" TEXT NOT NULL,

    CONSTRAINT "idempotency_readiness_pkey" PRIMARY KEY ("analysis_id","dimension","value")
);

-- CreateTable
CREATE TABLE "idempotency_daily" (
    "origin" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "environment" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "ready" INTEGER NOT NULL,
    "legacy" INTEGER NOT NULL,
    "analysis_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_daily_pkey" PRIMARY KEY ("origin","day","environment")
);

-- CreateTable
CREATE TABLE "idempotency_key_spill" (
    "analysis_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "state" JSONB NOT NULL,

    CONSTRAINT "idempotency_key_spill_pkey" PRIMARY KEY ("analysis_id","key")
);

-- CreateTable
CREATE TABLE "adyen_exchanges" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "request_headers" JSONB NOT NULL,
    "request_body" TEXT,
    "status" INTEGER,
    "response_headers" JSONB NOT NULL,
    "response_body" TEXT,
    "duration_ms" INTEGER,
    "client" TEXT,

    CONSTRAINT "adyen_exchanges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_analyses_created_at_idx" ON "idempotency_analyses"("created_at");

-- CreateIndex
CREATE INDEX "idempotency_inputs_sha256_idx" ON "idempotency_inputs"("sha256");

-- CreateIndex
CREATE INDEX "idempotency_findings_analysis_id_code_at_id_idx" ON "idempotency_findings"("analysis_id", "code", "at", "id");

-- CreateIndex
CREATE INDEX "idempotency_findings_analysis_id_at_id_idx" ON "idempotency_findings"("analysis_id", "at", "id");

-- CreateIndex
CREATE INDEX "idempotency_findings_analysis_id_chain_no_idx" ON "idempotency_findings"("analysis_id", "chain_no");

-- CreateIndex
CREATE INDEX "idempotency_daily_day_idx" ON "idempotency_daily"("day");

-- CreateIndex
CREATE INDEX "adyen_exchanges_at_idx" ON "adyen_exchanges"("at");

-- AddForeignKey
ALTER TABLE "idempotency_inputs" ADD CONSTRAINT "idempotency_inputs_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "idempotency_analyses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_chains" ADD CONSTRAINT "idempotency_chains_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "idempotency_analyses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_findings" ADD CONSTRAINT "idempotency_findings_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "idempotency_analyses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_readiness" ADD CONSTRAINT "idempotency_readiness_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "idempotency_analyses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

