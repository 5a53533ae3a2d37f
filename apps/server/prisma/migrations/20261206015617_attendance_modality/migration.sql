-- CreateEnum
CREATE TYPE "AttendanceModality" AS ENUM ('VIDEO', 'AUDIO_ONLY');

-- AlterTable
ALTER TABLE "AttendanceSpan" ADD COLUMN     "modality" "AttendanceModality" NOT NULL DEFAULT 'VIDEO';

-- AlterTable
ALTER TABLE "LiveAttendee" ADD COLUMN     "audioOnly" BOOLEAN NOT NULL DEFAULT false;
