-- AlterTable
ALTER TABLE "ForumReply" ADD COLUMN     "editedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ForumThread" ADD COLUMN     "editedAt" TIMESTAMPTZ(3);
