// next-auth configuration: email + password (bcrypt, throttled), and OIDC when it is configured.
// Sessions are JWTs carrying only the user id; role and stores are read from the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { safeRedirect } from "@/lib/auth/callback-url";
import { findActiveUserByEmail } from "@/lib/auth/users";
import { clientAddress, isSsoSignInAllowed, signInWithPassword } from "@/lib/auth/sign-in";

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
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the public URL is https, said here, not inferred.
    useSecureCookies: env().NEXTAUTH_URL?.startsWith("https://") ?? false,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const user = await signInWithPassword(raw, clientAddress(req?.headers));
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        // The role comes from this app, not the IdP; and an unverified email at the IdP proves nothing.
        return isSsoSignInAllowed(user.email, profile);
      },
      redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
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
