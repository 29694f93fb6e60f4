// `npm run demo:totp`: the code the demo accounts' authenticator would show now, and for how
// many more seconds. Works only for the demo accounts (their secret is in the README).
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { TOTP_STEP_SECONDS, totpAt } from "@/lib/auth/totp";

const now = new Date();
const left = TOTP_STEP_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_STEP_SECONDS);
console.log(
  `${totpAt(DEMO_TOTP_SECRET, now)}  (demo accounts; valid for ${left} more second${left === 1 ? "" : "s"}, each code signs in once)`,
);
