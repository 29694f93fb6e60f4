// The English catalogue, one file per area so that areas grow without touching each other.
// Each file's top-level keys are namespaces and must not repeat across files.
import common from "./common.json";
import enums from "./enums.json";
import reports from "./reports.json";
import referrals from "./referrals.json";
import dashboard from "./dashboard.json";
import people from "./people.json";
import contacts from "./contacts.json";
import language from "./language.json";
import caseRecord from "./case.json";
import intake from "./intake.json";

const messages = {
  ...common,
  ...enums,
  ...reports,
  ...referrals,
  ...dashboard,
  ...people,
  ...contacts,
  ...language,
  ...caseRecord,
  ...intake,
};

export default messages;
