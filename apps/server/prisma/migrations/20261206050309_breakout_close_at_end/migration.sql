-- AlterTable
ALTER TABLE "LiveRoom" ADD COLUMN     "breakoutsCloseAtEnd" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "breakoutsWarnedAt" TIMESTAMPTZ(3);
