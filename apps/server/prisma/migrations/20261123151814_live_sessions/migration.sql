-- CreateEnum
CREATE TYPE "LiveAttendeeStatus" AS ENUM ('WAITING', 'ADMITTED', 'DECLINED', 'REMOVED');

-- CreateEnum
CREATE TYPE "LiveConnection" AS ENUM ('CONNECTED', 'RECONNECTING', 'GONE');

-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('DIRECT', 'LIVEKIT');

-- CreateTable
CREATE TABLE "LiveRoom" (
    "sessionId" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LiveRoom_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "LiveAttendee" (
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "status" "LiveAttendeeStatus" NOT NULL,
    "connection" "LiveConnection" NOT NULL DEFAULT 'CONNECTED',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admittedAt" TIMESTAMPTZ(3),
    "admittedByUserId" UUID,
    "declineMessage" TEXT,
    "handRaisedAt" TIMESTAMPTZ(3),
    "microphone" BOOLEAN NOT NULL DEFAULT false,
    "camera" BOOLEAN NOT NULL DEFAULT false,
    "screen" BOOLEAN NOT NULL DEFAULT false,
    "screenShareAllowed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiveAttendee_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "AttendanceSpan" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL,
    "leftAt" TIMESTAMPTZ(3),
    "source" "AttendanceSource" NOT NULL,

    CONSTRAINT "AttendanceSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" UUID NOT NULL,
    "roomKey" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AttendanceSpan_sessionId_userId_idx" ON "AttendanceSpan"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "AttendanceSpan_userId_joinedAt_idx" ON "AttendanceSpan"("userId", "joinedAt");

-- CreateIndex
CREATE INDEX "ChatMessage_roomKey_createdAt_idx" ON "ChatMessage"("roomKey", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_authorId_clientId_key" ON "ChatMessage"("authorId", "clientId");

-- AddForeignKey
ALTER TABLE "LiveRoom" ADD CONSTRAINT "LiveRoom_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveAttendee" ADD CONSTRAINT "LiveAttendee_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceSpan" ADD CONSTRAINT "AttendanceSpan_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;
