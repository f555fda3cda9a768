// next-auth configuration: email + password (bcrypt, throttled), and OIDC when it is configured.
// Sessions are JWTs carrying only the user id; role and stores are read from the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { verifyPassword } from "@/lib/auth/password";
import { findActiveUserByEmail } from "@/lib/auth/users";
import { clearFailedSignIns, lockedUntil, recordFailedSignIn } from "@/lib/auth/throttle";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

export const THROTTLED = "throttled";
export const INVALID = "invalid";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return first || "unknown";
}

function oidcProvider(): NextAuthOptions["providers"] {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (p: { sub: string; email?: string; name?: string }) => ({
        id: p.sub,
        email: p.email ?? null,
        name: p.name ?? null,
      }),
    },
  ];
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new Error(INVALID);
          const { email, password } = parsed.data;
          const address = clientAddress(req?.headers);
          if ((await lockedUntil("email", email)) || (await lockedUntil("address", address))) {
            log.warn("auth.sign_in.throttled", { email });
            throw new Error(THROTTLED);
          }
          const user = await findActiveUserByEmail(email);
          if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
            await recordFailedSignIn("email", email);
            await recordFailedSignIn("address", address);
            log.info("auth.sign_in.failed", { email });
            throw new Error(INVALID);
          }
          await clearFailedSignIns("email", email);
          log.info("auth.sign_in.ok", { userId: user.id });
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        // SSO only lets in people an admin already created here: the role comes from this app, not the IdP.
        const known = user.email ? await findActiveUserByEmail(user.email) : null;
        return Boolean(known);
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc" && user.email) {
          const known = await findActiveUserByEmail(user.email);
          if (known) token.sub = known.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}
