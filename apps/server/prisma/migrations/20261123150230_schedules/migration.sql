-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('GROUP_THERAPY', 'SKILLS_GROUP', 'PSYCHOEDUCATION', 'INDIVIDUAL', 'FAMILY', 'MULTI_FAMILY', 'MEDICATION_MANAGEMENT');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "groupSessionKind" "SessionKind" NOT NULL DEFAULT 'GROUP_THERAPY';

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "endedOn" DATE;

-- CreateTable
CREATE TABLE "EnrollmentPhasePeriod" (
    "id" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "phase" INTEGER NOT NULL,
    "days" TEXT[],
    "effectiveFrom" DATE NOT NULL,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrollmentPhasePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionOccurrence" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "cohortId" UUID,
    "kind" "SessionKind" NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "patternStartsAt" TIMESTAMPTZ(3),
    "timeZone" TEXT NOT NULL,
    "leadFacilitatorId" UUID,
    "participantUserId" UUID,
    "cancelReason" TEXT,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentPhasePeriod_enrollmentId_effectiveFrom_key" ON "EnrollmentPhasePeriod"("enrollmentId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "SessionOccurrence_organizationId_startsAt_idx" ON "SessionOccurrence"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "SessionOccurrence_leadFacilitatorId_startsAt_idx" ON "SessionOccurrence"("leadFacilitatorId", "startsAt");

-- CreateIndex
CREATE INDEX "SessionOccurrence_participantUserId_startsAt_idx" ON "SessionOccurrence"("participantUserId", "startsAt");

-- CreateIndex
CREATE INDEX "SessionOccurrence_cohortId_startsAt_idx" ON "SessionOccurrence"("cohortId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionOccurrence_cohortId_patternStartsAt_key" ON "SessionOccurrence"("cohortId", "patternStartsAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- AddForeignKey
ALTER TABLE "EnrollmentPhasePeriod" ADD CONSTRAINT "EnrollmentPhasePeriod_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionOccurrence" ADD CONSTRAINT "SessionOccurrence_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
