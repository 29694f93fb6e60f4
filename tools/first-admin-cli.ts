// `npm run admin:first`: makes the first administrator of a new installation and prints their
// one-time set-up link (lib/accounts/first-administrator.ts says when it refuses). Run it once
// after the first migration, with the same DATABASE_URL and AUTH_URL as the app instances
// (in production: a one-off run of the image, docs/deploy.md).
import { spawn } from "node:child_process";
import adminMessages from "../messages/en/admin.json";

// lib/accounts is server-only code; Node must resolve `server-only` as a React server does.
const CONDITION = "--conditions=react-server";

const USAGE = `Usage: npm run admin:first -- --organisation "<police force>" --name "<full name>" --email <address>

Adds the police force (unless an active force of that name exists), an administrator account in
it, and prints the account's one-time set-up link (valid 24 hours) to pass on to that person.
Uses DATABASE_URL and AUTH_URL as the app does. It refuses once an administrator can sign in:
they add every other account at /admin.`;

type Options = { organisation: string; name: string; email: string };

function parse(args: string[]): Options | null {
  const options: Partial<Options> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag = "", inline] = (args[i] ?? "").split(/=(.*)/s, 2);
    const key = flag.replace(/^--/, "");
    if (!flag.startsWith("--") || !["organisation", "name", "email"].includes(key)) return null;
    const value = inline ?? args[++i];
    if (value === undefined) return null;
    options[key as keyof Options] = value;
  }
  const { organisation, name, email } = options;
  return organisation !== undefined && name !== undefined && email !== undefined
    ? { organisation, name, email }
    : null;
}

// "admin.errors.email" → the English message shown on the administration forms.
function message(key: string): string {
  let at: unknown = adminMessages;
  for (const part of key.split(".")) at = (at as Record<string, unknown> | undefined)?.[part];
  return typeof at === "string" ? at : key;
}

async function main(args: string[]): Promise<number> {
  const options = parse(args);
  if (!options) {
    console.error(USAGE);
    return 1;
  }
  if (!process.env.DATABASE_URL) {
    console.error(
      `DATABASE_URL is not set: set it to the app's database, as the app instances have it.\n\n${USAGE}`,
    );
    return 1;
  }
  // The app's configuration is read as the app reads it. On a laptop where `npm start` made
  // the local secrets, its AUTH_SECRET serves; an image is given the app's own environment.
  if (!process.env.AUTH_SECRET) {
    const { existsSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { localSecrets, ROOT } = await import("./secrets");
    if (!existsSync(join(ROOT, ".data", "secrets.json"))) {
      console.error("AUTH_SECRET is not set: run this with the same environment as the app instances.");
      return 1;
    }
    process.env.AUTH_SECRET = localSecrets().AUTH_SECRET;
  }
  const { createFirstAdministrator } = await import("@/lib/accounts/first-administrator");
  const { db } = await import("@/lib/db/client");
  try {
    const result = await createFirstAdministrator(options);
    switch (result.status) {
      case "invalid":
        for (const [field, key] of Object.entries(result.fieldErrors))
          console.error(`--${field}: ${message(key)}.`);
        return 1;
      case "administrator-exists":
        console.error(
          "Liaison already has an active administrator who can sign in. Ask them to add accounts at /admin; nothing was changed.",
        );
        return 2;
      case "set-up-pending":
        console.error(
          `An administrator account is waiting to be set up: ${result.email}. Run this again with --email ${result.email} ` +
            "for a new set-up link (the earlier one stops working); nothing was changed.",
        );
        return 2;
      case "email-taken":
        console.error(`${message("admin.errors.emailTaken")}; nothing was changed.`);
        return 2;
      case "organisation-not-a-force":
        console.error(
          `An organisation named "${options.organisation.trim()}" exists but is not an active police force. ` +
            "Choose the force's own name; nothing was changed.",
        );
        return 2;
      case "changed-meanwhile":
        console.error(
          "An account with this address, or an organisation with this name, was added at the same moment some other way. Nothing was changed: run this again.",
        );
        return 2;
      case "created":
      case "new-link": {
        if (result.status === "created")
          console.log(
            `Administrator ${result.email} added to ${result.organisationCreated ? "the new police force" : "the police force"} "${result.organisationName}".`,
          );
        else
          console.log(
            `${result.email} has not set up their account yet: a new set-up link, from the start (the earlier link and ` +
              `anything chosen through it no longer work). --organisation and --name were not used: the account is in "${result.organisationName}".`,
          );
        console.log(`Set-up link (pass it on to that person only; it works once):\n  ${result.setupUrl}`);
        console.log(`It expires at ${result.expiresAt.toISOString()}.`);
        console.log(
          `The force's id, for OIDC_GROUP_ORGANISATIONS if it signs in through single sign-on: ${result.organisationId}`,
        );
        if (!process.env.AUTH_URL)
          console.log(
            "AUTH_URL is not set, so the link points at http://localhost:3000: set AUTH_URL as the app has it.",
          );
        return 0;
      }
    }
  } finally {
    await db().$disconnect();
  }
}

if (!process.execArgv.includes(CONDITION)) {
  const child = spawn(process.execPath, [...process.execArgv, CONDITION, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        `Adding the first administrator failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
