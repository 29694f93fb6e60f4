// The English catalogue, one file per area so that areas grow without touching each other.
// Each file's top-level keys are namespaces and must not repeat across files.
import common from "./common.json";
import errorPage from "./error-page.json";
import enums from "./enums.json";
import reports from "./reports.json";
import referrals from "./referrals.json";
import referralUpdates from "./referral-updates.json";
import consents from "./consents.json";
import risk from "./risk.json";
import dashboard from "./dashboard.json";
import people from "./people.json";
import contacts from "./contacts.json";
import language from "./language.json";
import caseRecord from "./case.json";
import lifecycle from "./lifecycle.json";
import intake from "./intake.json";
import victimsCode from "./victims-code.json";
import alerts from "./alerts.json";
import thirdParty from "./third-party.json";
import decisionNotice from "./decision-notice.json";
import forms from "./forms.json";
import account from "./account.json";
import restriction from "./restriction.json";
import admin from "./admin.json";
import auditLog from "./audit-log.json";
import sso from "./sso.json";
import retention from "./retention.json";

const messages = {
  ...common,
  ...errorPage,
  ...enums,
  ...reports,
  ...referrals,
  ...referralUpdates,
  ...consents,
  ...risk,
  ...dashboard,
  ...people,
  ...contacts,
  ...language,
  ...caseRecord,
  ...lifecycle,
  ...intake,
  ...victimsCode,
  ...alerts,
  ...thirdParty,
  ...decisionNotice,
  ...forms,
  ...account,
  ...restriction,
  ...admin,
  ...auditLog,
  ...sso,
  ...retention,
};

export default messages;
