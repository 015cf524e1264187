-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);
