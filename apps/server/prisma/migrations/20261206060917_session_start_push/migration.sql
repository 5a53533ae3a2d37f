-- CreateTable
CREATE TABLE "SessionStartPush" (
    "sessionId" UUID NOT NULL,
    "sessionStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionStartPush_pkey" PRIMARY KEY ("sessionId","sessionStartsAt")
);

-- AddForeignKey
ALTER TABLE "SessionStartPush" ADD CONSTRAINT "SessionStartPush_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
