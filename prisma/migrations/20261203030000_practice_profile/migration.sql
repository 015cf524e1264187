-- The practice's public details (Practice settings › Practice details): contact, postal address,
-- organisation NPI and EIN. Practice keeps its existing row-level security policy.
ALTER TABLE "Practice" ADD COLUMN "phone" TEXT,
ADD COLUMN "email" TEXT,
ADD COLUMN "addressLine1" TEXT,
ADD COLUMN "addressLine2" TEXT,
ADD COLUMN "addressCity" TEXT,
ADD COLUMN "addressState" TEXT,
ADD COLUMN "addressPostalCode" TEXT,
ADD COLUMN "npi" TEXT,
ADD COLUMN "taxId" TEXT;
