import createNextIntlPlugin from "next-intl/plugin";
import { COMMON_HEADERS } from "./lib/http/common-headers.mjs";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Answers here are small JSON and webhook acknowledgements; a reverse proxy compresses where it pays.
  compress: false,
  // The build checks types and lint in `npm test` already; the build itself should not repeat slow work.
  typescript: { ignoreBuildErrors: false },
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "pg-boss", "@adyen/api-library", "bcryptjs"],
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: COMMON_HEADERS.map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
