-- CreateTable
CREATE TABLE "UnitOrderDraft" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitOrderDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitOrderDraft_organisationId_idx" ON "UnitOrderDraft"("organisationId");
