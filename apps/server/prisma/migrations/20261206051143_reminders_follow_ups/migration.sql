-- CreateEnum
CREATE TYPE "ReminderChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "userId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "byEmail" BOOLEAN NOT NULL DEFAULT true,
    "bySms" BOOLEAN NOT NULL DEFAULT false,
    "phone" TEXT,
    "quietStart" TEXT,
    "quietEnd" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "leadMinutes" INTEGER NOT NULL,
    "channel" "ReminderChannel" NOT NULL,
    "sessionStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoShowReview" (
    "sessionId" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NoShowReview_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "FollowUpTask" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "doneByUserId" UUID,
    "doneNote" TEXT,

    CONSTRAINT "FollowUpTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderDelivery_status_createdAt_idx" ON "ReminderDelivery"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_userId_sessionId_leadMinutes_channel_sessi_key" ON "ReminderDelivery"("userId", "sessionId", "leadMinutes", "channel", "sessionStartsAt");

-- CreateIndex
CREATE INDEX "FollowUpTask_participantUserId_doneAt_idx" ON "FollowUpTask"("participantUserId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpTask_sessionId_participantUserId_key" ON "FollowUpTask"("sessionId", "participantUserId");

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoShowReview" ADD CONSTRAINT "NoShowReview_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
