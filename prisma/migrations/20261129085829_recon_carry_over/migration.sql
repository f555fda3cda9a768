-- CreateTable
CREATE TABLE "recon_carry_over" (
    "seq" BIGSERIAL NOT NULL,
    "id" BIGINT NOT NULL,

    CONSTRAINT "recon_carry_over_pkey" PRIMARY KEY ("seq")
);

