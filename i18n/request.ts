// One locale today (English, UK formats, London time); the catalogue is ready for Cymraeg.
import { getRequestConfig } from "next-intl/server";
import messages from "@/messages/en";

export const LOCALE = "en-GB";
export const TIME_ZONE = "Europe/London";

export default getRequestConfig(async () => ({
  locale: LOCALE,
  timeZone: TIME_ZONE,
  messages,
  formats: {
    dateTime: {
      date: { day: "numeric", month: "short", year: "numeric" },
      dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
    },
  },
}));
