-- AlterTable
ALTER TABLE "LiveAttendee" ADD COLUMN     "breakoutId" UUID;

-- AlterTable
ALTER TABLE "LiveRoom" ADD COLUMN     "breakoutsEndAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "FamilyInvitation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "invitedByUserId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "relationship" "FamilyRelationship" NOT NULL,
    "sessionKinds" "SessionKind"[],
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "acceptedUserId" UUID,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FamilyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilyConsent" (
    "id" UUID NOT NULL,
    "participantUserId" UUID NOT NULL,
    "familyUserId" UUID NOT NULL,
    "sessionKinds" "SessionKind"[],
    "grantedByUserId" UUID NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedByUserId" UUID,

    CONSTRAINT "FamilyConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionFamilyInvite" (
    "sessionId" UUID NOT NULL,
    "familyUserId" UUID NOT NULL,

    CONSTRAINT "SessionFamilyInvite_pkey" PRIMARY KEY ("sessionId","familyUserId")
);

-- CreateTable
CREATE TABLE "Breakout" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "members" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Breakout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FamilyInvitation_tokenHash_key" ON "FamilyInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "FamilyInvitation_participantUserId_idx" ON "FamilyInvitation"("participantUserId");

-- CreateIndex
CREATE INDEX "FamilyConsent_participantUserId_familyUserId_idx" ON "FamilyConsent"("participantUserId", "familyUserId");

-- CreateIndex
CREATE INDEX "FamilyConsent_familyUserId_idx" ON "FamilyConsent"("familyUserId");

-- CreateIndex
CREATE INDEX "SessionFamilyInvite_familyUserId_idx" ON "SessionFamilyInvite"("familyUserId");

-- CreateIndex
CREATE INDEX "Breakout_sessionId_idx" ON "Breakout"("sessionId");

-- AddForeignKey
ALTER TABLE "SessionFamilyInvite" ADD CONSTRAINT "SessionFamilyInvite_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Breakout" ADD CONSTRAINT "Breakout_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
