-- AlterTable
ALTER TABLE "ForumReply" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" UUID;

-- AlterTable
ALTER TABLE "ForumThread" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" UUID;

-- CreateTable
CREATE TABLE "ForumReport" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "boardKey" TEXT NOT NULL,
    "threadId" UUID NOT NULL,
    "replyId" UUID,
    "postKey" TEXT NOT NULL,
    "reporterId" UUID NOT NULL,
    "reporterName" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "resolvedById" UUID,

    CONSTRAINT "ForumReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForumReport_boardKey_resolvedAt_idx" ON "ForumReport"("boardKey", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ForumReport_postKey_reporterId_key" ON "ForumReport"("postKey", "reporterId");
