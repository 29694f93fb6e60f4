// One locale today (English, UK formats, London time); the catalogue is ready for Cymraeg.
import { getRequestConfig } from "next-intl/server";
import messages from "@/messages/en";
import { DATE_TIME_FORMATS, LOCALE, TIME_ZONE } from "./formats";

export default getRequestConfig(async () => ({
  locale: LOCALE,
  timeZone: TIME_ZONE,
  messages,
  formats: { dateTime: DATE_TIME_FORMATS },
}));
