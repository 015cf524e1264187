-- Staff professional details: credentials after the name, individual NPI and the state licence.
-- StaffUser keeps its existing row-level security policy.
ALTER TABLE "StaffUser" ADD COLUMN "credentials" TEXT,
ADD COLUMN "npi" TEXT,
ADD COLUMN "licenseNumber" TEXT,
ADD COLUMN "licenseState" TEXT,
ADD COLUMN "licenseExpiresOn" DATE;
