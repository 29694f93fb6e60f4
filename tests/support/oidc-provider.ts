// A small OpenID Connect provider for tests (docs/decisions/021-single-sign-on.md): discovery,
// a JWKS with an RS256 key made at start, /authorize that approves the configured person at
// once and redirects back with a code, and /token that checks the client, the code, the
// redirect address and PKCE before returning a signed ID token carrying the nonce.
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TestIdentity = {
  sub: string;
  email?: string;
  name?: string;
  groups?: string[];
  amr?: string[];
  // Anything else to put in the ID token (e.g. Entra's `oid`, `tid`).
  extra?: Record<string, unknown>;
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  // Who /authorize approves next.
  setIdentity(identity: TestIdentity): void;
  // Requests /token refused, with why (for assertions).
  refusals: string[];
  close(): Promise<void>;
};

type Grant = {
  identity: TestIdentity;
  redirectUri: string;
  nonce?: string;
  challenge?: string;
  method?: string;
};

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startOidcProvider(
  options: { clientId?: string; clientSecret?: string; port?: number } = {},
): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? "liaison-test";
  const clientSecret = options.clientSecret ?? randomBytes(16).toString("hex");
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const grants = new Map<string, Grant>();
  const refusals: string[] = [];
  const accessTokens = new Map<string, TestIdentity>();
  let identity: TestIdentity = { sub: "nobody" };
  let issuer = "";

  const idToken = (grant: Grant) => {
    const now = Math.floor(Date.now() / 1000);
    const { extra, ...claims } = grant.identity;
    const payload = {
      ...claims,
      ...extra,
      iss: issuer,
      aud: clientId,
      iat: now,
      exp: now + 300,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    };
    const input = `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }))}.${b64url(JSON.stringify(payload))}`;
    return `${input}.${b64url(sign("sha256", Buffer.from(input), privateKey))}`;
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);
    const refuse = (why: string) => {
      refusals.push(why);
      json(res, 400, { error: "invalid_grant" });
    };
    const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, "base64").toString().split(":").map(decodeURIComponent)
      : [form.get("client_id"), form.get("client_secret")];
    if (id !== clientId || secret !== clientSecret) return refuse("client");
    if (form.get("grant_type") !== "authorization_code") return refuse("grant_type");
    const code = form.get("code") ?? "";
    const grant = grants.get(code);
    grants.delete(code);
    if (!grant) return refuse("code");
    if (form.get("redirect_uri") !== grant.redirectUri) return refuse("redirect_uri");
    const verifier = form.get("code_verifier");
    if (grant.challenge) {
      if (grant.method !== "S256" || !verifier) return refuse("pkce");
      if (b64url(createHash("sha256").update(verifier).digest()) !== grant.challenge) return refuse("pkce");
    }
    const accessToken = randomBytes(16).toString("hex");
    accessTokens.set(accessToken, grant.identity);
    json(res, 200, {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: 300,
      id_token: idToken(grant),
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        // Auth.js wants one listed; it reads the ID token, not this.
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    }
    if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (url.pathname === "/userinfo") {
      const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
      const who = bearer ? accessTokens.get(bearer) : undefined;
      return who ? json(res, 200, { sub: who.sub, email: who.email, name: who.name }) : json(res, 401, {});
    }
    if (url.pathname === "/authorize") {
      const q = url.searchParams;
      const redirectUri = q.get("redirect_uri");
      if (q.get("client_id") !== clientId || !redirectUri || q.get("response_type") !== "code") {
        res.writeHead(400).end("bad authorization request");
        return;
      }
      const code = randomBytes(16).toString("hex");
      grants.set(code, {
        identity,
        redirectUri,
        nonce: q.get("nonce") ?? undefined,
        challenge: q.get("code_challenge") ?? undefined,
        method: q.get("code_challenge_method") ?? undefined,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      if (q.get("state")) back.searchParams.set("state", q.get("state")!);
      back.searchParams.set("iss", issuer);
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === "/token" && req.method === "POST") {
      token(req, res).catch(() => json(res, 500, { error: "server_error" }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    refusals,
    setIdentity(next) {
      identity = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
