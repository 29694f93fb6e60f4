// Auth.js wiring. The token it signs carries only our session id; who the user is, and
// whether the session is still valid, is looked up in the database on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { attemptSignIn, signInSchema } from "./sign-in";
import { signOutSession } from "./sessions";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

class TooManyAttempts extends CredentialsSignin {
  override code = "too-many-attempts";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an expected outcome (audited, not logged). Other errors are logged
  // by kind only: Auth.js messages can carry what the user typed.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}`);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse({ email: credentials.email, password: credentials.password });
        if (!parsed.success) throw new InvalidCredentials();
        const result = await attemptSignIn(parsed.data.email, parsed.data.password);
        if (!result.ok)
          throw result.reason === "too-many-attempts" ? new TooManyAttempts() : new InvalidCredentials();
        return { id: result.sessionId };
      },
    }),
  ],
  // However the sign-out arrives (our button or Auth.js's own /api/auth/signout), the session
  // row ends with it, so a copied cookie stops working at once.
  events: {
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sub : undefined;
      if (sessionId) await signOutSession(sessionId);
    },
  },
  callbacks: {
    session({ session, token }) {
      return { expires: session.expires, sessionId: token.sub };
    },
  },
}));
