-- CreateEnum
CREATE TYPE "SessionSubject" AS ENUM ('STAFF', 'CLIENT');

-- AlterEnum
ALTER TYPE "PasswordTokenPurpose" ADD VALUE 'EMAIL_CHANGE';

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "staffMfaRequired" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "emailVerifiedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "lastUsedAt" TIMESTAMPTZ(3),
ADD COLUMN     "subject" "SessionSubject" NOT NULL DEFAULT 'STAFF';

-- AlterTable
ALTER TABLE "PasswordToken" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "Passkey" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "deviceType" TEXT NOT NULL,
    "backedUp" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientAccount" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMPTZ(3),

    CONSTRAINT "ClientAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientSignInToken" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "linkTokenHash" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientSignInToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionLink" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "superviseeId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SupervisionLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Passkey_credentialId_key" ON "Passkey"("credentialId");

-- CreateIndex
CREATE INDEX "Passkey_userId_idx" ON "Passkey"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientAccount_clientId_key" ON "ClientAccount"("clientId");

-- CreateIndex
CREATE INDEX "ClientAccount_email_idx" ON "ClientAccount"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ClientAccount_practiceId_email_key" ON "ClientAccount"("practiceId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ClientSignInToken_linkTokenHash_key" ON "ClientSignInToken"("linkTokenHash");

-- CreateIndex
CREATE INDEX "ClientSignInToken_accountId_createdAt_idx" ON "ClientSignInToken"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionLink_practiceId_supervisorId_idx" ON "SupervisionLink"("practiceId", "supervisorId");

-- CreateIndex
CREATE INDEX "SupervisionLink_superviseeId_idx" ON "SupervisionLink"("superviseeId");


-- One open supervision link per pair; nobody supervises themselves.
CREATE UNIQUE INDEX "SupervisionLink_open_pair_key" ON "SupervisionLink"("supervisorId", "superviseeId") WHERE "endedAt" IS NULL;
ALTER TABLE "SupervisionLink" ADD CONSTRAINT "SupervisionLink_not_self" CHECK ("supervisorId" <> "superviseeId");
