// The one TOTP secret every demo account shares, published in the README so that the demo
// and the end-to-end tests can sign in (`npm run demo:totp` prints the current code). Demo
// accounts can sign in only in demo mode (lib/auth/demo-mode.ts), so this is no back door.
export const DEMO_TOTP_SECRET = "DEMOLIAISONTOTPSECRETFORTHEDEMOS";
