-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('POLICE_FORCE', 'LIAISON_UNIT', 'PARTNER_AGENCY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('LIAISON_OFFICER', 'SUPERVISOR', 'PARTNER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('ENGLISH', 'WELSH');

-- CreateEnum
CREATE TYPE "WorkSetting" AS ENUM ('STREET', 'INDOOR', 'ESCORT_OUTCALL', 'ONLINE_INDEPENDENT', 'WEBCAM_CONTENT', 'OTHER', 'PREFER_NOT_TO_SAY');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('UNDER_18', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_PLUS', 'PREFER_NOT_TO_SAY');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('IN_PERSON', 'PHONE_CALL', 'TEXT_MESSAGE', 'EMAIL', 'VIDEO_CALL', 'VIA_PARTNER_AGENCY', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('PHYSICAL_ASSAULT', 'RAPE', 'SEXUAL_ASSAULT', 'ROBBERY', 'THEFT', 'THREATS_INTIMIDATION', 'HARASSMENT_STALKING', 'COERCION_EXPLOITATION', 'CONDOM_REMOVAL', 'ONLINE_ABUSE_DOXXING', 'HATE_INCIDENT', 'OTHER');

-- CreateEnum
CREATE TYPE "PerpetratorRelationship" AS ENUM ('CLIENT', 'POSING_AS_CLIENT', 'PARTNER_OR_EX', 'EXPLOITER_CONTROLLER', 'MEMBER_OF_PUBLIC', 'OTHER_SEX_WORKER', 'POLICE_OR_OFFICIAL', 'UNKNOWN', 'PREFER_NOT_TO_SAY');

-- CreateEnum
CREATE TYPE "ReportingRoute" AS ENUM ('DIRECT_TO_LIAISON_OFFICER', 'EMERGENCY_OR_101', 'ONLINE_POLICE_REPORT', 'PARTNER_AGENCY', 'ANONYMOUS_INTELLIGENCE', 'OTHER');

-- CreateEnum
CREATE TYPE "PersonWants" AS ENUM ('INTELLIGENCE_ONLY', 'ANONYMOUS_CONTACT', 'FULL_INVESTIGATION', 'UNDECIDED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('EXACT', 'APPROXIMATE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "Answer" AS ENUM ('YES', 'NO', 'NOT_KNOWN', 'PREFER_NOT_TO_SAY');

-- CreateEnum
CREATE TYPE "IdentifierKind" AS ENUM ('VEHICLE_REGISTRATION', 'PHONE_NUMBER', 'ONLINE_HANDLE');

-- CreateEnum
CREATE TYPE "CaseEventType" AS ENUM ('CRIME_RECORDED', 'SUSPECT_IDENTIFIED', 'ARRESTED', 'INTERVIEWED_UNDER_CAUTION', 'RELEASED', 'DECISION_NOT_TO_INVESTIGATE', 'PERSON_WANTS_CHANGED', 'FILE_TO_CPS', 'CHARGED', 'OUTCOME_RECORDED', 'COURT_RESULT', 'SENTENCE');

-- CreateEnum
CREATE TYPE "ReleaseType" AS ENUM ('BAIL', 'UNDER_INVESTIGATION', 'NO_FURTHER_ACTION');

-- CreateEnum
CREATE TYPE "HomeOfficeOutcome" AS ENUM ('OUTCOME_1', 'OUTCOME_1A', 'OUTCOME_2', 'OUTCOME_3', 'OUTCOME_4', 'OUTCOME_5', 'OUTCOME_6', 'OUTCOME_7', 'OUTCOME_8', 'OUTCOME_9', 'OUTCOME_10', 'OUTCOME_11', 'OUTCOME_12', 'OUTCOME_13', 'OUTCOME_14', 'OUTCOME_15', 'OUTCOME_16', 'OUTCOME_17', 'OUTCOME_18', 'OUTCOME_19', 'OUTCOME_20', 'OUTCOME_21', 'OUTCOME_22');

-- CreateEnum
CREATE TYPE "CourtResult" AS ENUM ('CONVICTED', 'CONVICTED_ALTERNATIVE', 'ACQUITTED', 'DISCONTINUED');

-- CreateEnum
CREATE TYPE "WithdrawalReason" AS ENUM ('FEAR_OF_REPERCUSSIONS', 'DISTRUST_OF_POLICE', 'FEAR_OF_OWN_PROSECUTION', 'FEAR_OF_BEING_OUTED', 'PRESSURE_FROM_SUSPECT', 'WANTS_SUPPORT_NOT_PROSECUTION', 'PROCESS_TOO_SLOW', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactType" AS ENUM ('OUTREACH', 'WELFARE_CHECK', 'SAFETY_ADVICE', 'CASE_UPDATE', 'COURT_SUPPORT', 'REFERRAL_FOLLOW_UP', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('VERBAL', 'WRITTEN', 'ELECTRONIC', 'VIA_PARTNER_AGENCY');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'DECLINED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'FAILURE', 'DENIED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "parentId" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" UUID NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "workingName" TEXT NOT NULL,
    "selfDescription" TEXT,
    "legalName" TEXT,
    "dateOfBirth" DATE,
    "ageBand" "AgeBand",
    "workSetting" "WorkSetting",
    "language" "Language" NOT NULL DEFAULT 'ENGLISH',
    "interpreterNeeds" TEXT,
    "accessNeeds" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "safeContactMethods" "ContactMethod"[],
    "safeContactTimes" TEXT,
    "doNotContactRules" TEXT,
    "createdById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentReport" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "assignedOfficerId" UUID,
    "createdById" UUID,
    "submittedByAgencyId" UUID,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "incidentFrom" TIMESTAMPTZ(3),
    "incidentTo" TIMESTAMPTZ(3),
    "incidentDatePrecision" "DatePrecision" NOT NULL DEFAULT 'EXACT',
    "area" TEXT,
    "place" TEXT,
    "reportingRoute" "ReportingRoute" NOT NULL,
    "incidentTypes" "IncidentType"[],
    "relationship" "PerpetratorRelationship" NOT NULL DEFAULT 'UNKNOWN',
    "personWants" "PersonWants" NOT NULL DEFAULT 'UNDECIDED',
    "initialPersonWants" "PersonWants" NOT NULL DEFAULT 'UNDECIDED',
    "narrative" TEXT,
    "crimeRecorded" "Answer",
    "crimeReference" TEXT,
    "crimeNotRecordedWhy" TEXT,
    "immediateDanger" "Answer",
    "injuriesNeedingCare" "Answer",
    "threatsOfFurtherHarm" "Answer",
    "riskFromExploiter" "Answer",
    "enhancedRights" BOOLEAN NOT NULL DEFAULT false,
    "enhancedRightsReason" TEXT,
    "supportNeeds" TEXT,
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suspect" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "relationship" "PerpetratorRelationship" NOT NULL DEFAULT 'UNKNOWN',
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suspect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuspectIdentifier" (
    "id" UUID NOT NULL,
    "suspectId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "kind" "IdentifierKind" NOT NULL,
    "value" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,

    CONSTRAINT "SuspectIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "suspectId" UUID,
    "type" "CaseEventType" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "crimeReference" TEXT,
    "releaseType" "ReleaseType",
    "offence" TEXT,
    "outcome" "HomeOfficeOutcome",
    "withdrawalReasons" "WithdrawalReason"[],
    "courtResult" "CourtResult",
    "sentence" TEXT,
    "personWants" "PersonWants",
    "notes" TEXT,
    "personInformed" BOOLEAN,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VictimUpdate" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "caseEventId" UUID NOT NULL,
    "dueBy" TIMESTAMPTZ(3) NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),
    "clearedByContactId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VictimUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiaisonContact" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reportId" UUID,
    "officerId" UUID,
    "type" "ContactType" NOT NULL,
    "method" "ContactMethod" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "notes" TEXT,
    "followUpOn" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiaisonContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "method" "ConsentMethod" NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "overrideReason" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reportId" UUID,
    "consentId" UUID NOT NULL,
    "supportNeeded" TEXT NOT NULL,
    "contactNote" TEXT,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "createdById" UUID,
    "handledById" UUID,
    "respondedAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("unitId","year")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "recordType" TEXT,
    "recordId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "subjectKey" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_role_idx" ON "User"("organisationId", "role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Person_unitId_workingName_idx" ON "Person"("unitId", "workingName");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentReport_reference_key" ON "IncidentReport"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentReport_idempotencyKey_key" ON "IncidentReport"("idempotencyKey");

-- CreateIndex
CREATE INDEX "IncidentReport_unitId_status_reportedAt_idx" ON "IncidentReport"("unitId", "status", "reportedAt" DESC);

-- CreateIndex
CREATE INDEX "IncidentReport_unitId_reportedAt_idx" ON "IncidentReport"("unitId", "reportedAt");

-- CreateIndex
CREATE INDEX "IncidentReport_assignedOfficerId_status_idx" ON "IncidentReport"("assignedOfficerId", "status");

-- CreateIndex
CREATE INDEX "IncidentReport_personId_idx" ON "IncidentReport"("personId");

-- CreateIndex
CREATE INDEX "Suspect_reportId_idx" ON "Suspect"("reportId");

-- CreateIndex
CREATE INDEX "SuspectIdentifier_unitId_kind_normalised_idx" ON "SuspectIdentifier"("unitId", "kind", "normalised");

-- CreateIndex
CREATE INDEX "SuspectIdentifier_suspectId_idx" ON "SuspectIdentifier"("suspectId");

-- CreateIndex
CREATE INDEX "CaseEvent_reportId_occurredOn_idx" ON "CaseEvent"("reportId", "occurredOn");

-- CreateIndex
CREATE INDEX "CaseEvent_type_reportId_idx" ON "CaseEvent"("type", "reportId");

-- CreateIndex
CREATE INDEX "VictimUpdate_reportId_idx" ON "VictimUpdate"("reportId");

-- CreateIndex
CREATE INDEX "VictimUpdate_clearedAt_dueBy_idx" ON "VictimUpdate"("clearedAt", "dueBy");

-- CreateIndex
CREATE INDEX "LiaisonContact_unitId_occurredAt_idx" ON "LiaisonContact"("unitId", "occurredAt");

-- CreateIndex
CREATE INDEX "LiaisonContact_personId_occurredAt_idx" ON "LiaisonContact"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "LiaisonContact_reportId_idx" ON "LiaisonContact"("reportId");

-- CreateIndex
CREATE INDEX "Consent_personId_agencyId_idx" ON "Consent"("personId", "agencyId");

-- CreateIndex
CREATE INDEX "Referral_agencyId_status_createdAt_idx" ON "Referral"("agencyId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Referral_unitId_createdAt_idx" ON "Referral"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_personId_idx" ON "Referral"("personId");

-- CreateIndex
CREATE INDEX "Draft_ownerId_kind_updatedAt_idx" ON "Draft"("ownerId", "kind", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_recordType_recordId_idx" ON "AuditEvent"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_subjectKey_at_idx" ON "AuditEvent"("action", "subjectKey", "at");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_assignedOfficerId_fkey" FOREIGN KEY ("assignedOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentReport" ADD CONSTRAINT "IncidentReport_submittedByAgencyId_fkey" FOREIGN KEY ("submittedByAgencyId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspect" ADD CONSTRAINT "Suspect_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuspectIdentifier" ADD CONSTRAINT "SuspectIdentifier_suspectId_fkey" FOREIGN KEY ("suspectId") REFERENCES "Suspect"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_suspectId_fkey" FOREIGN KEY ("suspectId") REFERENCES "Suspect"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VictimUpdate" ADD CONSTRAINT "VictimUpdate_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VictimUpdate" ADD CONSTRAINT "VictimUpdate_caseEventId_fkey" FOREIGN KEY ("caseEventId") REFERENCES "CaseEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VictimUpdate" ADD CONSTRAINT "VictimUpdate_clearedByContactId_fkey" FOREIGN KEY ("clearedByContactId") REFERENCES "LiaisonContact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonContact" ADD CONSTRAINT "LiaisonContact_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonContact" ADD CONSTRAINT "LiaisonContact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonContact" ADD CONSTRAINT "LiaisonContact_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonContact" ADD CONSTRAINT "LiaisonContact_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceCounter" ADD CONSTRAINT "ReferenceCounter_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
