-- AlterTable
ALTER TABLE "FamilyInvitation" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';
