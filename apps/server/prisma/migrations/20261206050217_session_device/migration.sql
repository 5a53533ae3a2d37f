-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "ipAddress" TEXT,
ADD COLUMN     "userAgent" TEXT;
