-- CreateEnum
CREATE TYPE "Instrument" AS ENUM ('PHQ9', 'GAD7');

-- CreateEnum
CREATE TYPE "AssessmentCadence" AS ENUM ('ONCE', 'WEEKLY', 'EVERY_2_WEEKS', 'EVERY_4_WEEKS');

-- CreateEnum
CREATE TYPE "NoteStatus" AS ENUM ('DRAFT', 'SIGNED');

-- CreateTable
CREATE TABLE "AssessmentAssignment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "instrument" "Instrument" NOT NULL,
    "cadence" "AssessmentCadence" NOT NULL,
    "dueOn" DATE NOT NULL,
    "assignedByUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssessmentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentResponse" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "instrument" "Instrument" NOT NULL,
    "assignmentId" UUID,
    "answers" INTEGER[],
    "total" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "safetyConcern" BOOLEAN NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssessmentResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyPlanVersion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "authoredByUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafetyPlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionNote" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "authorUserId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "interventions" TEXT[],
    "summary" TEXT NOT NULL,
    "status" "NoteStatus" NOT NULL DEFAULT 'DRAFT',
    "signedAt" TIMESTAMPTZ(3),
    "signedByUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionNotePart" (
    "id" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "data" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "plan" TEXT NOT NULL,

    CONSTRAINT "SessionNotePart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteAddendum" (
    "id" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "authorUserId" UUID NOT NULL,
    "participantUserId" UUID,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NoteAddendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentPlanVersion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "reviewEveryDays" INTEGER NOT NULL,
    "nextReviewOn" DATE NOT NULL,
    "createdByUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TreatmentPlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Discharge" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "dischargedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "aftercare" JSONB NOT NULL,
    "createdByUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Discharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentAssignment_participantUserId_dueOn_idx" ON "AssessmentAssignment"("participantUserId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentResponse_assignmentId_key" ON "AssessmentResponse"("assignmentId");

-- CreateIndex
CREATE INDEX "AssessmentResponse_participantUserId_instrument_completedAt_idx" ON "AssessmentResponse"("participantUserId", "instrument", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SafetyPlanVersion_participantUserId_version_key" ON "SafetyPlanVersion"("participantUserId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SessionNote_sessionId_key" ON "SessionNote"("sessionId");

-- CreateIndex
CREATE INDEX "SessionNotePart_participantUserId_idx" ON "SessionNotePart"("participantUserId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionNotePart_noteId_participantUserId_key" ON "SessionNotePart"("noteId", "participantUserId");

-- CreateIndex
CREATE INDEX "NoteAddendum_noteId_createdAt_idx" ON "NoteAddendum"("noteId", "createdAt");

-- CreateIndex
CREATE INDEX "TreatmentPlanVersion_participantUserId_idx" ON "TreatmentPlanVersion"("participantUserId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentPlanVersion_enrollmentId_version_key" ON "TreatmentPlanVersion"("enrollmentId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Discharge_enrollmentId_key" ON "Discharge"("enrollmentId");

-- CreateIndex
CREATE INDEX "Discharge_participantUserId_idx" ON "Discharge"("participantUserId");

-- AddForeignKey
ALTER TABLE "AssessmentResponse" ADD CONSTRAINT "AssessmentResponse_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "AssessmentAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNote" ADD CONSTRAINT "SessionNote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionNotePart" ADD CONSTRAINT "SessionNotePart_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "SessionNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteAddendum" ADD CONSTRAINT "NoteAddendum_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "SessionNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlanVersion" ADD CONSTRAINT "TreatmentPlanVersion_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discharge" ADD CONSTRAINT "Discharge_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
